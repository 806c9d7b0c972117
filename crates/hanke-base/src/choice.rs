//! Words that name one of a closed set — *valinta* (a choice): a programme
//! period, a funding stage, a fund, an indicator catalogue, a report language,
//! a portfolio grouping.
//!
//! The types themselves live in the layers above (`hanke::funding::Stage`,
//! `hanke::programme::ProgrammePeriod`); the error lives here, at the bottom.
//!
//! The bindings take these as text (`Project.total("granted")`,
//! `ProjectList.portfolio(by="status")`); reading the word is a rule of the
//! domain, so each type reads its own words (`FromStr`, next to the type) and
//! refuses with one coded error, [`ChoiceError`], whose message repeats what
//! was given only as an [`Echo`] and lists what is accepted. This module
//! imports nothing but [`Echo`], so every layer can use it.
//!
//! ```
//! use hanke_base::lang::Language;
//! assert_eq!("en".parse::<Language>()?, Language::En);
//! let e = "131299-995P".parse::<Language>().unwrap_err();
//! assert_eq!(e.code(), "report.language");
//! assert_eq!(e.to_string(), "\"131299-****\" is not a language (fi, sv, en)");
//! # Ok::<(), hanke_base::choice::ChoiceError>(())
//! ```

use crate::Echo;

/// A word that is not one of the choices asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChoiceError {
    /// Not a programme period.
    #[error("{given:?} is not a programme period (2007-2013, 2014-2020, 2021-2027)")]
    Period {
        /// What was given.
        given: Echo,
    },
    /// Not a funding stage.
    #[error("{given:?} is not a stage (planned, granted, realised)")]
    Stage {
        /// What was given.
        given: Echo,
    },
    /// Not a fund.
    #[error("{given:?} is not a fund (ESR, ESR+, EAKR, JTF; ESF, ESF+, ERDF)")]
    Fund {
        /// What was given.
        given: Echo,
    },
    /// Not an indicator catalogue.
    #[error("{given:?} is not a catalogue (esf_2014, esf_plus, esf_plus_most_deprived)")]
    Catalogue {
        /// What was given.
        given: Echo,
    },
    /// Not a report language.
    #[error("{given:?} is not a language (fi, sv, en)")]
    Language {
        /// What was given.
        given: Echo,
    },
    /// Not an ESF+ specific objective hanke reports Annex I for.
    #[error(
        "{given:?} is not an ESF+ specific objective with Annex I indicators (a letter (a)–(l) of Reg. 2021/1057 Art 4(1): l, (l), 4(1)(l) or ESO4.12; (m) reports Annex III, which hanke does not cover; 2014–2020 has no lettered objectives)"
    )]
    Objective {
        /// What was given.
        given: Echo,
    },
    /// A period the rulebook has no participant rules for (2007–2013, or a
    /// rulebook of a national funder).
    #[error("{given:?} has no participant rules (2014-2020, 2021-2027 have)")]
    NoParticipantRules {
        /// What was asked for.
        given: Echo,
    },
    /// Not a portfolio grouping.
    #[error("{given:?}: group by priority_axis, authority or status")]
    PortfolioBy {
        /// What was given.
        given: Echo,
    },
}

error_codes! {
    ChoiceError {
        ChoiceError::Period { .. } => "programme.period": "An unknown programme period (2007-2013, 2014-2020, 2021-2027).",
        ChoiceError::Stage { .. } => "funding.stage": "A funding stage other than planned, granted or realised.",
        ChoiceError::Fund { .. } => "programme.fund": "An unknown fund (ESR, ESR+, EAKR, JTF).",
        ChoiceError::Catalogue { .. } => "indicator.catalogue": "An unknown indicator catalogue.",
        ChoiceError::Language { .. } => "report.language": "A language other than fi, sv or en.",
        ChoiceError::Objective { .. } => "programme.objective": "Not an ESF+ specific objective (a)–(l), or one hanke has no Annex I rules for ((m); 2014–2020).",
        ChoiceError::NoParticipantRules { .. } => "rulebook.no_participant_rules": "The rulebook asked for has no participant rules (not an EU period).",
        ChoiceError::PortfolioBy { .. } => "portfolio.by": "A portfolio grouping other than priority_axis, authority or status.",
    }
}
