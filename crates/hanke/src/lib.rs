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

#[macro_use]
extern crate hanke_base;

// The bottom layer, domain-free: its own crate (`hanke-base`), re-exported
// here under the same module names. ARCHITECTURE.md draws the layers; the
// `layers` test holds every module to importing only from layers below it.
pub(crate) use hanke_base::json;
pub use hanke_base::{
    choice, csv_record, day, disclosure, echo, error_code, finding, ids, lang, mask, money, publish,
};

// Reference data: programmes, classifications, organisations, transmissions.
pub mod classify;
pub mod org;
pub mod programme;
pub mod transmission;

// The model: what a project is and holds.
pub mod activity;
pub mod assessment;
pub mod claim;
pub mod cost;
pub mod funding;
pub mod participant;
pub mod project;

// The rulebook: every period-specific rule.
pub mod rulebook;

// Computations over the model under the rulebook.
pub mod cofinancing;
pub mod indicator;
pub mod quality;
pub mod questionnaire;
pub mod sync;
pub mod synthetic;

// Reading and writing: participant files, EURA, exports.
pub mod eura;
pub mod export;
pub mod import;

// Reports.
pub mod report;
pub mod sfc;

// The catalogue of every error code and rule, imported by nothing.
pub mod errors;

#[cfg(test)]
mod arbitrary;
#[cfg(test)]
mod json_properties;

pub use echo::Echo;
pub use finding::{Finding, Severity};
pub use ids::{BusinessId, IdError, PersonalIdentityCode};
pub use money::{Money, MoneyError, MoneyRange, Rate};
pub use programme::ProjectCode;
pub use project::Project;
