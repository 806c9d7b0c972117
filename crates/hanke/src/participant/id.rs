//! The project's own id of a participant record.

use std::fmt;
use std::str::FromStr;

/// Why a participant value was refused. Messages never contain personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParticipantError {
    /// The record id is empty, longer than 32 bytes or holds control or
    /// invisible characters or `<` `>`.
    #[error(
        "a participant id is 1–32 bytes of printable text without < and > (got {len} bytes, a control or invisible character, or < >)"
    )]
    InvalidId {
        /// The length in bytes of the refused text.
        len: usize,
    },
    /// The record id has the shape of a personal identity code: an id is shown
    /// in reports and messages, so it must not identify a person (RULES.md §5.1).
    #[error(
        "a participant id must not be a personal identity code; use the project's own numbering and a pseudonym"
    )]
    IdentityCode,
}

error_codes! {
    ParticipantError {
        ParticipantError::InvalidId { .. } => "participant.invalid_id": "The record id is empty, longer than 32 bytes or holds control or invisible characters or < >.",
        ParticipantError::IdentityCode => "participant.id_is_identity_code": "The record id has the shape of a personal identity code: an id is shown in reports and messages, so it must not identify a person.",
    }
}

/// The project's own id of a participant record — *osallistujatunnus*, e.g.
/// `P0001`: up to 32 bytes of printable text. Not personal data; never an
/// identity code (use [`Pseudonymiser`](super::Pseudonymiser) to link people).
///
/// Stored inline, so that reading a million records allocates nothing for ids.
///
/// ```
/// use hanke::participant::ParticipantId;
/// let id: ParticipantId = " DUU-001 ".parse()?;
/// assert_eq!(id.as_str(), "DUU-001");
/// assert!("".parse::<ParticipantId>().is_err());
/// # Ok::<(), hanke::participant::ParticipantError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParticipantId {
    len: u8,
    bytes: [u8; ParticipantId::MAX_LEN],
}

impl ParticipantId {
    /// The longest id, in bytes.
    pub const MAX_LEN: usize = 32;

    /// A 64-bit hash of the id, eight bytes at a time (equal ids hash
    /// equal: the bytes past the id's length are always zero), for finding
    /// repeated ids among millions without a hash table.
    pub(crate) fn spread(&self) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = u64::from(self.len).wrapping_mul(K);
        for chunk in self.bytes.chunks_exact(8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
        h ^ (h >> 32)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or(&[]);
        // Built only from a `&str` cut at its own end, so always UTF-8.
        std::str::from_utf8(bytes).unwrap_or("")
    }
}

impl FromStr for ParticipantId {
    type Err = ParticipantError;

    /// Trims surrounding whitespace; refuses empty, over-long or control text,
    /// and `<` `>`: an id is shown in reports and apps, where markup in it
    /// could run (issue 23). Refuses characters that show nothing (a
    /// zero-width space, a byte-order mark, a direction override:
    /// [`hanke_base::mask::is_invisible`]): two ids that read the same would
    /// be two records, and an override turns what is shown around.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = ParticipantError::InvalidId { len: t.len() };
        if t.is_empty()
            || t.len() > Self::MAX_LEN
            || t.chars().any(|c| {
                // Every character that shows nothing lies past ASCII.
                c.is_control()
                    || c == '<'
                    || c == '>'
                    || (!c.is_ascii() && hanke_base::mask::is_invisible(c))
            })
        {
            return Err(err);
        }
        if crate::ids::holds_identity_code(t) {
            return Err(ParticipantError::IdentityCode);
        }
        let mut bytes = [0u8; Self::MAX_LEN];
        let slot = bytes.get_mut(..t.len()).ok_or(err)?;
        slot.copy_from_slice(t.as_bytes());
        Ok(ParticipantId {
            len: u8::try_from(t.len()).map_err(|_| err)?,
            bytes,
        })
    }
}

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ParticipantId({:?})", self.as_str())
    }
}

serde_as_string!(ParticipantId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bounded() {
        assert!("a".repeat(32).parse::<ParticipantId>().is_ok());
        let e = "a".repeat(33).parse::<ParticipantId>().unwrap_err();
        assert_eq!(e.code(), "participant.invalid_id");
        assert!("a\tb".parse::<ParticipantId>().is_err());
        assert!("X<img src=x>".parse::<ParticipantId>().is_err());
        assert!("a>b".parse::<ParticipantId>().is_err());
        // Invisible characters: ids that read alike must be alike.
        for c in [
            '\u{200b}',
            '\u{feff}',
            '\u{202e}',
            '\u{ad}',
            '\u{2060}',
            '\u{e0041}',
        ] {
            let e = format!("P{c}1").parse::<ParticipantId>().unwrap_err();
            assert_eq!(e.code(), "participant.invalid_id", "{c:?}");
            assert!(format!("{c}P1").parse::<ParticipantId>().is_err(), "{c:?}");
        }
        // Multi-byte text counts bytes.
        let id: ParticipantId = "Äänekoski-1".parse().unwrap();
        assert_eq!(id.to_string(), "Äänekoski-1");
    }
}
