//! # hanke
//!
//! A model of publicly funded employment and social-inclusion projects in Finland —
//! European Social Fund projects (ESR 2014–2020, ESR+ 2021–2027) first, STEA,
//! ministry and foundation grants beside them — and the rules they live by.
//!
//! *Hanke* is Finnish for "project". Names in code are English; each domain type
//! documents its Finnish term, so that `SpecificObjective` is found by those who
//! know it as *erityistavoite*.
//!
//! ```
//! use hanke::{Money, Rate, BusinessId, ProjectCode};
//!
//! let granted: Money = "101 500".parse()?;
//! let realised: Money = "89 660".parse()?;
//! assert_eq!(Rate::ratio(realised, granted)?.to_string(), "88,33 %");
//! assert!("2211414-8".parse::<BusinessId>().is_ok());
//! assert_eq!("S22026".parse::<ProjectCode>()?.to_string(), "S22026");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// No arithmetic that can overflow or divide by zero on input-dependent values
// (issue 10): checked, saturating or widened operations, or an `allow` on the
// function with the reason its operands are bounded. Tests are exempt.
#![warn(clippy::arithmetic_side_effects)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects))]

/// Defines an error's `code()` and its `CODES` from one table, so that the
/// published catalogue ([`errors::ERRORS`], `docs/errors.md`) cannot drift from
/// what `code()` returns: the `match` is exhaustive, and `CODES` holds the same
/// rows in the same order. A `via { Variant(e) => e, }` section hands a
/// wrapped error's code through (the same mistake, the same code, whichever
/// reader met it).
macro_rules! error_codes {
    ($(#[$doc:meta])* $ty:ty { $($p:pat => $code:literal: $meaning:literal,)* } $(via { $($vp:pat => $inner:expr,)* })?) => {
        impl $ty {
            /// The stable code of this error; [`Self::CODES`] lists every one
            /// with its meaning (and `docs/errors.md` every error's).
            $(#[$doc])*
            pub fn code(&self) -> &'static str {
                match self {
                    $($p => $code,)*
                    $($($vp => $inner.code(),)*)?
                }
            }

            /// Every code of this error with its meaning, in declaration order
            /// (codes of errors it wraps are listed under those errors).
            pub const CODES: &'static [crate::errors::ErrorCode] = &[
                $(crate::errors::ErrorCode { code: $code, meaning: $meaning },)*
            ];
        }
    };
}

/// Implements serde for a type through its `Display` (canonical form) and `FromStr`
/// (which validates), so that JSON holds the same text a user types and reads.
macro_rules! serde_as_string {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub mod activity;
#[cfg(test)]
mod arbitrary;
pub mod assessment;
pub mod choice;
pub mod claim;
pub mod classify;
pub mod cofinancing;
pub mod cost;
pub mod disclosure;
pub mod echo;
pub mod errors;
pub mod eura;
pub mod export;
pub mod funding;
pub mod ids;
pub mod import;
pub mod indicator;
mod json;
#[cfg(test)]
mod json_properties;
pub mod money;
pub mod org;
pub mod participant;
pub mod programme;
pub mod project;
pub mod publish;
pub mod quality;
pub mod questionnaire;
pub mod report;
pub mod rulebook;
pub mod transmission;

pub use echo::Echo;
pub use ids::{BusinessId, IdError, PersonalIdentityCode, ProjectCode};
pub use money::{Money, MoneyError, MoneyRange, Rate};
pub use project::Project;
pub use report::{Finding, Severity};
