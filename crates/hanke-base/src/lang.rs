//! The language of what hanke renders — *kieli*: reports, labels and findings
//! come out in one language per call, Finnish, Swedish or English, never mixed.
//!
//! [`Language`] picks among texts; [`Text`] is a text in all three languages,
//! the one shape every label, question and message of hanke has.
//!
//! ```
//! use hanke_base::lang::{Language, Text};
//! assert_eq!("sv".parse::<Language>()?, Language::Sv);
//! let t = Text::new("hanke", "projekt", "project");
//! assert_eq!(t.get(Language::Sv), "projekt");
//! assert_eq!("xx".parse::<Language>().unwrap_err().code(), "report.language");
//! # Ok::<(), hanke_base::choice::ChoiceError>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// The language of a rendered report, label or message — *kieli*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "proptest"), derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Finnish — *suomi*.
    Fi,
    /// Swedish — *ruotsi*, *svenska*: Finland's second national language.
    Sv,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order hanke lists them.
    pub const ALL: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    /// The text of this language among the three given.
    pub fn pick<'a>(self, fi: &'a str, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Fi => fi,
            Language::Sv => sv,
            Language::En => en,
        }
    }

    /// The ISO 639-1 code: `fi`, `sv`, `en`.
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `fi`, `sv` or `en` (ISO 639-1), in either case.
impl std::str::FromStr for Language {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| crate::choice::ChoiceError::Language { given: s.into() })
    }
}

/// A text in Finnish, Swedish and English — *teksti*: a label, a question or a
/// message, always in all three, so that whatever is rendered in one language
/// is in that language alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    /// Finnish.
    pub fi: &'static str,
    /// Swedish.
    pub sv: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// A text from its three languages.
    pub const fn new(fi: &'static str, sv: &'static str, en: &'static str) -> Text {
        Text { fi, sv, en }
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Language) -> &'static str {
        match lang {
            Language::Fi => self.fi,
            Language::Sv => self.sv,
            Language::En => self.en,
        }
    }
}

/// A text made at run time in Finnish, Swedish and English — *lokalisoitu
/// teksti*: a message or a formula that repeats figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Localised {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl Localised {
    /// A text from its three languages.
    pub fn new(fi: impl Into<String>, sv: impl Into<String>, en: impl Into<String>) -> Localised {
        Localised {
            fi: fi.into(),
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// A text that is the same in every language (figures, codes).
    pub fn same(text: impl Into<String>) -> Localised {
        let text = text.into();
        Localised::new(text.clone(), text.clone(), text)
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        lang.pick(&self.fi, &self.sv, &self.en)
    }

    /// Whether every language is empty.
    pub fn is_empty(&self) -> bool {
        self.fi.is_empty() && self.sv.is_empty() && self.en.is_empty()
    }
}

/// Reduces every text of a JSON document given in the three languages to
/// `lang`'s: an object `{"fi": …, "sv": …, "en": …}` becomes its string, and
/// keys `x_fi`, `x_sv`, `x_en` side by side become one key `x` with `lang`'s
/// value. Where a document has a text in only some languages (data a user
/// wrote, such as a project's own English name of an indicator), `lang`'s is
/// kept if there is one, else the Finnish one, else what there is — and the
/// key still becomes `x`, so that no key names a language.
///
/// ```
/// use hanke_base::lang::{Language, localise_json};
/// let mut v = serde_json::json!({"name_fi": "naiset", "name_sv": "kvinnor", "name_en": "women",
///                                "label": {"fi": "tila", "sv": "status", "en": "status"}});
/// localise_json(&mut v, Language::Sv);
/// assert_eq!(v, serde_json::json!({"name": "kvinnor", "label": "status"}));
/// ```
pub fn localise_json(value: &mut serde_json::Value, lang: Language) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| localise_json(v, lang)),
        Value::Object(map) => {
            let is_text = map.len() == 3
                && Language::ALL
                    .iter()
                    .all(|l| map.get(l.code()).is_some_and(Value::is_string));
            if is_text {
                *value = map.remove(lang.code()).unwrap_or(Value::Null);
                return;
            }
            let stems: Vec<String> = map
                .keys()
                .filter_map(|k| {
                    Language::ALL
                        .iter()
                        .find_map(|l| k.strip_suffix(&format!("_{}", l.code())))
                })
                .map(str::to_string)
                .collect();
            for stem in stems {
                let mut chosen = None;
                for l in [lang, Language::Fi, Language::Sv, Language::En] {
                    if let Some(v) = map.remove(&format!("{stem}_{}", l.code())) {
                        if chosen.is_none() && !v.is_null() {
                            chosen = Some(v);
                        }
                    }
                }
                if let Some(v) = chosen {
                    // A key `x` beside `x_en` (a name and its English form)
                    // is the text in the language the data came in: the
                    // chosen language's form replaces it only where given.
                    let keep_own = map.contains_key(&stem)
                        && !matches!(lang, Language::En)
                        && !map.get(&stem).is_some_and(Value::is_null);
                    if !keep_own {
                        map.insert(stem, v);
                    }
                }
            }
            map.values_mut().for_each(|v| localise_json(v, lang));
        }
        _ => {}
    }
}
