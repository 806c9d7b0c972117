//! The language of what hanke renders — *kieli*: reports, labels and findings
//! come out in one language per call.
//!
//! ```
//! use hanke_base::lang::Language;
//! assert_eq!("fi".parse::<Language>()?, Language::Fi);
//! assert_eq!("xx".parse::<Language>().unwrap_err().code(), "report.language");
//! # Ok::<(), hanke_base::choice::ChoiceError>(())
//! ```

use serde::Serialize;

/// The language of a rendered report — *kieli*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Finnish — *suomi*.
    Fi,
    /// English.
    En,
}

impl Language {
    /// The text of this language among the two given.
    pub fn pick<'a>(self, fi: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Fi => fi,
            Language::En => en,
        }
    }
}

/// `fi` or `en`.
impl std::str::FromStr for Language {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        match s {
            "fi" => Ok(Language::Fi),
            "en" => Ok(Language::En),
            _ => Err(crate::choice::ChoiceError::Language { given: s.into() }),
        }
    }
}
