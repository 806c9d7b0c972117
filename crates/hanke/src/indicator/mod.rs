//! Indicators — *indikaattorit*: the EU common indicators of each period as a
//! catalogue with sources ([`Catalogue`], [`Indicator`]), their computation over
//! participant records by gender at a cut-off ([`CommonIndicators`]), and the
//! project's own indicators ([`ProjectIndicator`]).
//!
//! ```
//! use hanke::indicator::{Catalogue, CommonIndicators};
//! use hanke::synthetic::duuniin_coaching;
//! use hanke::rulebook::Rulebook;
//! use hanke::programme::ProgrammePeriod;
//!
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
//! let people = duuniin_coaching();
//! let ind = CommonIndicators::compute(Catalogue::Esf2014, rules, None, &people)?;
//! assert_eq!(ind.grand_total().total(), 29);
//! assert_eq!(ind.get("CR04").unwrap().total(), 6); // 2 open market, 2 pay-subsidised, 2 apprenticeships
//! # Ok::<(), hanke::indicator::IndicatorError>(())
//! ```

mod columnar;
mod compute;
mod explain;
mod overview;
mod publication;

// The catalogue of each period is a rule of the period (rulebook layer).
pub use crate::rulebook::{Catalogue, DataClass, Indicator, IndicatorKind, Unit};
#[cfg(feature = "arrow")]
pub(crate) use columnar::{Outside, outside_eligibility};
pub use compute::{CommonIndicators, IndicatorError, IndicatorValue, Tally};
pub use explain::{Explanation, Outcome, Parameters, RecordOutcome};
pub use overview::{ParticipantOverview, PublishedOverview};
// A project's own indicators are part of the project (the model layer).
pub use crate::project::{Milestone, ProjectIndicator, ProjectIndicatorSource};
pub use publication::{PublishedIndicator, PublishedIndicators, PublishedTally};
