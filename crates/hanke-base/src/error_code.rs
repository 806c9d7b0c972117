//! Stable error codes — *virhekoodit*: the type every error's `CODES` table is
//! made of, and the macro that builds `code()` and `CODES` from one table.
//!
//! The catalogue that lists every error type of hanke with its codes is
//! `hanke_base::errors` (the top of the `hanke` crate); this module only defines
//! the shape, so that every layer can declare its own errors.
//!
//! ```
//! use hanke_base::MoneyError;
//! assert!(MoneyError::CODES.iter().any(|c| c.code == "money.sub_cent"));
//! ```

/// One stable error code and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    /// The code, `area.reason`.
    pub code: &'static str,
    /// What it means, in English.
    pub meaning: &'static str,
}

/// The text of a JSON error that names its field path, identity codes masked
/// (`activity.json`, `assessment.json`, `indicator.json`): serde quotes the
/// offending value, which may be anything the file holds.
pub fn json_message(e: &serde_path_to_error::Error<serde_json::Error>) -> crate::Echo {
    crate::Echo::message(&format!("{} at {}", e.inner(), e.path()))
}

/// Defines an error's `code()` and its `CODES` from one table, so that the
/// published catalogue (`hanke_base::errors::ERRORS`, `docs/errors.md`) cannot drift
/// from what `code()` returns: the `match` is exhaustive, and `CODES` holds the
/// same rows in the same order. A `via { Variant(e) => e, }` section hands a
/// wrapped error's code through (the same mistake, the same code, whichever
/// reader met it).
#[doc(hidden)]
#[macro_export]
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
            pub const CODES: &'static [$crate::error_code::ErrorCode] = &[
                $($crate::error_code::ErrorCode { code: $code, meaning: $meaning },)*
            ];
        }
    };
}

/// Implements serde for a type through its `Display` (canonical form) and `FromStr`
/// (which validates), so that JSON holds the same text a user types and reads.
#[doc(hidden)]
#[macro_export]
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
