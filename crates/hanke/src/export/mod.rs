//! Open-data exports — *avoimen datan viennit*: a project as an IATI 2.03
//! activity ([`iati`]), a portfolio as Kohesio-style operation rows
//! ([`kohesio`]), and results as tables every binding gives alike ([`table`]).
//!
//! Both export what the project data hold and nothing invented: a figure the
//! data do not have is left out (IATI) or left empty (Kohesio), never guessed.

pub mod iati;
pub mod kohesio;
pub mod table;

/// Why a project cannot be exported — *vientivirhe*.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The project has no code and no activity id was given; IATI identifiers end with it.
    #[error(
        "the project has no code (hankekoodi) and no activity id was given; an IATI identifier ends with it"
    )]
    NoProjectCode,
    /// No main implementer with a business ID; IATI identifiers start with it.
    #[error(
        "no main implementer with a business ID (Y-tunnus); an IATI identifier starts with FI-PRO-<Y-tunnus>"
    )]
    NoReportingOrganisation,
    /// The project has no period; an IATI activity requires its dates.
    #[error(
        "the project has no period (toteutusaika); an IATI activity requires its start and end"
    )]
    NoPeriod,
    /// Writing a workbook failed.
    #[error("the workbook cannot be written: {message}")]
    Xlsx {
        /// What the workbook writer said.
        message: crate::Echo,
    },
}

error_codes! {
    ExportError {
        ExportError::NoProjectCode => "export.no_project_code": "The project has no code and no activity id was given; an IATI identifier ends with it.",
        ExportError::NoReportingOrganisation => "export.no_reporting_organisation": "No main implementer with a business ID; an IATI identifier starts with FI-PRO-<Y-tunnus>.",
        ExportError::NoPeriod => "export.no_period": "The project has no period; an IATI activity requires its start and end.",
        ExportError::Xlsx { .. } => "export.xlsx": "Writing a workbook failed.",
    }
}
