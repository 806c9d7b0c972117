//! Identifiers: `BusinessId` (Y-tunnus) and `PersonalIdentityCode`
//! (henkilötunnus); the project code (*hankekoodi*), which names a fund and a
//! period, lives with the programmes in `hanke_base::programme`.
//!
//! `PersonalIdentityCode` (henkilötunnus) never shows in full: see its docs.

mod hetu;

pub use hetu::{HetuError, PersonalIdentityCode, RegisterSex, serialize_exposed};
// Masking lives below the identifiers (errors of both mask what they repeat);
// re-exported here, where users look for it.
pub use crate::mask::{holds_identity_code, redact};

use std::fmt;
use std::str::FromStr;

/// Why an identifier was rejected. Each variant has a stable [`code`](IdError::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// A business ID not of the form `NNNNNNN-T` (or the old `NNNNNN-T`).
    #[error("business ID {input:?} is not of the form 1234567-8")]
    BusinessIdFormat {
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// A business ID whose check digit does not match its digits.
    #[error("business ID {input:?} has check digit {found}, expected {expected}")]
    BusinessIdCheckDigit {
        /// The text that was parsed.
        input: crate::Echo,
        /// The check digit given.
        found: u8,
        /// The check digit the digits call for.
        expected: u8,
    },
    /// A business ID whose weighted sum leaves remainder 1: no such ID is issued.
    #[error("business ID {input:?} cannot exist (its weighted sum leaves remainder 1)")]
    BusinessIdRemainderOne {
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// A project code not of the form letter + five digits.
    #[error("project code {input:?} is not a letter followed by five digits (e.g. S22026)")]
    ProjectCodeFormat {
        /// The text that was parsed.
        input: crate::Echo,
    },
}

error_codes! {
    /// ```
    /// let err = "2211414-7".parse::<hanke_base::BusinessId>().unwrap_err();
    /// assert_eq!(err.code(), "business_id.check_digit");
    /// ```
    IdError {
        IdError::BusinessIdFormat { .. } => "business_id.format": "A business ID not of the form `NNNNNNN-T` (or the old `NNNNNN-T`).",
        IdError::BusinessIdCheckDigit { .. } => "business_id.check_digit": "A business ID whose check digit does not match its digits.",
        IdError::BusinessIdRemainderOne { .. } => "business_id.remainder_one": "A business ID whose weighted sum leaves remainder 1: no such ID is issued.",
        IdError::ProjectCodeFormat { .. } => "project_code.format": "A project code not of the form letter + five digits.",
    }
}

/// A Finnish business ID — *Y-tunnus* (yritys- ja yhteisötunnus): seven digits,
/// a hyphen and a check digit, e.g. `2211414-8`.
///
/// Rule `ID-YTUNNUS`: the digits are weighted 7, 9, 10, 5, 8, 4, 2 from the left and
/// summed; remainder 0 mod 11 gives check digit 0, remainder 1 is never issued
/// (invalid), remainder 2–10 gives 11 − remainder. Source: `RULES.md` §5.2, the
/// algorithm as implemented by python-stdnum `stdnum.fi.ytunnus` and other public
/// implementations (the PRH/Vero text itself was not found).
///
/// Parsing trims surrounding white space and accepts the old six-digit form
/// (`123456-7`), which is the same ID with a leading zero (`0123456-7`) — the
/// canonical form printed by `Display` always has seven digits. Anything else
/// (missing hyphen, letters, inner spaces) is rejected rather than guessed; see
/// `docs/adr/0003-identifier-parsing.md`.
///
/// ```
/// use hanke_base::BusinessId;
/// let id: BusinessId = " 2211414-8 ".parse()?;
/// assert_eq!(id.to_string(), "2211414-8");
/// assert_eq!("725937-3".parse::<BusinessId>()?.to_string(), "0725937-3");
/// assert!("2211414-9".parse::<BusinessId>().is_err());
/// # Ok::<(), hanke_base::IdError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BusinessId {
    number: u32,
    check: u8,
}

const YTUNNUS_WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

impl BusinessId {
    /// The check digit for a seven-digit number, or `None` when the weighted sum
    /// leaves remainder 1 (no business ID has such digits).
    ///
    /// ```
    /// assert_eq!(hanke_base::BusinessId::check_digit_for(2211414), Some(8));
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "seven digits × weights ≤ 10: below 700; 11 − r with r in 2..=10"
    )]
    pub fn check_digit_for(number: u32) -> Option<u8> {
        let mut n = number;
        let mut digits = [0u32; 7];
        for slot in digits.iter_mut().rev() {
            *slot = n % 10;
            n /= 10;
        }
        let sum: u32 = digits.iter().zip(YTUNNUS_WEIGHTS).map(|(d, w)| d * w).sum();
        match sum % 11 {
            0 => Some(0),
            1 => None,
            r => u8::try_from(11 - r).ok(),
        }
    }

    /// The seven-digit number before the hyphen.
    pub const fn number(self) -> u32 {
        self.number
    }

    /// The check digit after the hyphen.
    pub const fn check(self) -> u8 {
        self.check
    }

    /// The IATI organisation identifier `FI-PRO-2211414-8` (Finnish Patent and
    /// Registration Office list), used when a project is exported to IATI.
    pub fn iati_identifier(self) -> String {
        format!("FI-PRO-{self}")
    }
}

impl FromStr for BusinessId {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let format_err = || IdError::BusinessIdFormat {
            input: crate::Echo::new(input),
        };
        let s = input.trim();
        let (digits, check) = s.split_once('-').ok_or_else(format_err)?;
        if !(digits.len() == 7 || digits.len() == 6)
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || check.len() != 1
            || !check.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format_err());
        }
        let number: u32 = digits.parse().map_err(|_| format_err())?;
        let found: u8 = check.parse().map_err(|_| format_err())?;
        match BusinessId::check_digit_for(number) {
            None => Err(IdError::BusinessIdRemainderOne {
                input: crate::Echo::new(input),
            }),
            Some(expected) if expected != found => Err(IdError::BusinessIdCheckDigit {
                input: crate::Echo::new(input),
                found,
                expected,
            }),
            Some(_) => Ok(BusinessId {
                number,
                check: found,
            }),
        }
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:07}-{}", self.number, self.check)
    }
}

serde_as_string!(BusinessId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_ids_of_the_seed_pages_are_valid() {
        for s in [
            "2211414-8",
            "2388924-4",
            "1474763-1",
            "0725937-3",
            "0827616-7",
            "2048903-4",
            "1457143-7",
            "0245895-5",
            "0202225-4",
        ] {
            let id: BusinessId = s.parse().unwrap();
            assert_eq!(id.to_string(), s);
        }
    }

    #[test]
    fn worked_example_of_rules_5_2() {
        // 2·7 + 2·9 + 1·10 + 1·5 + 4·8 + 1·4 + 4·2 = 91; 91 mod 11 = 3; 11 − 3 = 8
        assert_eq!(BusinessId::check_digit_for(2_211_414), Some(8));
        assert_eq!(BusinessId::check_digit_for(0), Some(0));
    }

    #[test]
    fn business_id_errors_say_what_is_wrong() {
        let code = |s: &str| s.parse::<BusinessId>().unwrap_err().code();
        assert_eq!(code("2211414-9"), "business_id.check_digit");
        assert_eq!(code("22114148"), "business_id.format");
        assert_eq!(code("2211 414-8"), "business_id.format");
        assert_eq!(code("22114140-8"), "business_id.format");
        assert_eq!(code("2211414-"), "business_id.format");
        assert_eq!(code("FI22114148"), "business_id.format");
        // 0000001: weighted sum 2 → check 9; 0000010: sum 4·1 = 4 → 7.
        // Find a number whose sum is 1 mod 11: digits 0000006 → 12 ≡ 1.
        assert_eq!(code("0000006-0"), "business_id.remainder_one");
        let err = "2211414-9".parse::<BusinessId>().unwrap_err();
        assert!(err.to_string().contains("expected 8"));
    }

    #[test]
    fn old_six_digit_form_is_padded() {
        let id: BusinessId = "725937-3".parse().unwrap();
        assert_eq!(id, "0725937-3".parse().unwrap());
        assert_eq!(id.iati_identifier(), "FI-PRO-0725937-3");
    }
}
