//! Reports — *raportit*: the ESR report of one project or a portfolio, and the
//! project summary they are built from. The top of the domain: a report reads
//! the project, its participants, indicators, activities and rulebook, and
//! nothing below imports it.
//!
//! Findings and rules live in [`crate::finding`] (the `hanke-base` crate); the
//! list of every rule is [`crate::errors::all_rules`].

mod esr;
pub mod labels;
mod summary;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use esr::{
    EsrReport, ParticipantSection, PortfolioGroup, PortfolioReport, ProjectIndicatorRow,
    ReportInputs,
};
pub use summary::{FundingRow, ImplementerLine, ImplementerShare, ProjectSummary};
