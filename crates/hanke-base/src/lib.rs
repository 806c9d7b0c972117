//! # hanke-base
//!
//! The bottom layer of [hanke](https://example.invalid/hanke): what every other
//! layer needs and that knows nothing of projects, programmes or participants.
//! It imports no other hanke crate; everything above imports it (see
//! `ARCHITECTURE.md`). The `hanke` crate re-exports each module under the same
//! name, so `hanke_base::money::Money` and `hanke_base::money::Money` are one type.
//!
//! - [`money`] — exact amounts in cents, rates and budget bands;
//! - [`mask`] — masking of personal identity codes in any spelling;
//! - [`ids`] — business IDs (*Y-tunnus*) and personal identity codes
//!   (*henkilötunnus*);
//! - [`echo`] — user text made safe to repeat in an error;
//! - [`publish`] — the one gate for everything hanke publishes;
//! - [`disclosure`] — small-number suppression for published counts;
//! - [`finding`] — findings and the rules they cite;
//! - [`error_code`] — stable error codes;
//! - [`choice`] — the one error for a word outside a closed set;
//! - [`lang`] — the language of what hanke renders;
//! - [`csv_record`] — the CSV record reader and its row account;
//! - [`split`] — work cut into contiguous parts for threads.
//!
//! ```
//! use hanke_base::{Money, Rate};
//! let granted: Money = "101 500".parse()?;
//! let realised: Money = "89 660".parse()?;
//! assert_eq!(Rate::ratio(realised, granted)?.to_string(), "88,33 %");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// No arithmetic that can overflow or divide by zero on input-dependent values
// (issue 10): checked, saturating or widened operations, or an `allow` on the
// function with the reason its operands are bounded. Tests are exempt.
#![warn(clippy::arithmetic_side_effects)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects))]

#[macro_use]
pub mod error_code;

#[cfg(any(test, feature = "proptest"))]
#[doc(hidden)]
pub mod arbitrary;
pub mod choice;
pub mod csv_record;
pub mod day;
pub mod disclosure;
pub mod echo;
pub mod finding;
pub mod ids;
#[doc(hidden)]
pub mod json;
pub mod lang;
pub mod mask;
pub mod money;
pub mod publish;
pub mod split;

pub use echo::Echo;
pub use finding::{Finding, Rule, Severity};
pub use ids::{BusinessId, IdError, PersonalIdentityCode};
pub use lang::{Language, Localised, Text};
pub use money::{Money, MoneyError, MoneyRange, Rate};
