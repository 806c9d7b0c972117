//! Strict JSON reading — *tiukka JSON-luku*: every JSON reader of hanke
//! refuses an object with a key twice (`{"by": {"third_sector": 24,
//! "third_sector": 16}}`), which serde would otherwise read as the last value
//! without a word. The check walks the text once before the typed reading;
//! its error names the path, the line and the column, like any other.
//!
//! ```
//! let e = hanke_base::json::check_duplicate_keys(r#"{"by": {"a": 24, "a": 16}}"#).unwrap_err();
//! assert!(e.to_string().contains("duplicate key \"a\""), "{e}");
//! assert_eq!(e.path().to_string(), "by");
//! ```

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Walks any JSON value, failing at the first object with a repeated key.
#[derive(Clone, Copy)]
struct NoDuplicateKeys;

impl<'de> de::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> DeserializeSeed<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(self)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element_seed(NoDuplicateKeys)?.is_some() {}
        Ok(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate key {key:?}: a key may appear once in an object (the value would be taken silently otherwise)"
                )));
            }
            map.next_value_seed(NoDuplicateKeys)?;
            keys.insert(key);
        }
        Ok(self)
    }
}

/// `text` without the byte-order mark a Windows editor puts at its start
/// (Notepad's "UTF-8 with BOM"): RFC 8259 §8.1 lets a parser ignore it, and it
/// is not data. Every JSON reader of hanke reads through this.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Checks that no object of `text` has a key twice; the error has the path
/// of the object and the position, as the typed readers' errors do. Other
/// problems of the text are left to the typed reading (which reports them
/// the same way), so a malformed text is not an error here.
pub fn check_duplicate_keys(
    text: &str,
) -> Result<(), serde_path_to_error::Error<serde_json::Error>> {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, NoDuplicateKeys>(de) {
        Ok(_) => Ok(()),
        Err(e) if e.inner().to_string().contains("duplicate key") => Err(e),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_repeated_key_at_any_depth_with_its_path() {
        assert!(check_duplicate_keys(r#"{"a": 1, "b": [{"c": 1}, {"c": 2}]}"#).is_ok());
        let e = check_duplicate_keys("{\"a\": 1,\n \"b\": [{\"c\": 1, \"c\": 2}]}").unwrap_err();
        assert!(e.inner().to_string().contains("duplicate key \"c\""));
        // The path is the object's; the message names the key.
        assert_eq!(e.path().to_string(), "b[0]");
        assert_eq!(e.inner().line(), 2);
        // Escapes are read: the same key spelt two ways is the same key.
        assert!(check_duplicate_keys(r#"{"a": 1, "\u0061": 2}"#).is_err());
        // Not JSON: left to the typed reader.
        assert!(check_duplicate_keys("{").is_ok());
    }
}
