//! Finnish exit situations — *tilanne hankkeesta lähtiessä* — and the EU result
//! categories they count under.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{find_by_labels, from_labels};

/// The situation of a participant on leaving, in the terms Finnish projects use —
/// *tilanne lopettaessa*. A code list: the Duuniin! coaching of seed 001 reports
/// its 29 participants in these terms (education, pay-subsidised work, open
/// labour market, activated as jobseekers, vocational rehabilitation, work trial,
/// apprenticeship).
///
/// Which EU result categories each one counts under is decided in one place,
/// [`ParticipantRules::result_categories`](crate::rulebook::ParticipantRules::result_categories),
/// with the reasons in ADR 0007.
///
/// ```
/// use hanke::participant::ExitSituation;
/// let s: ExitSituation = "oppisopimuskoulutus".parse()?;
/// assert_eq!(s, ExitSituation::Apprenticeship);
/// assert_eq!(s.code(), "apprenticeship");
/// # Ok::<(), hanke::participant::UnknownExitSituation>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum ExitSituation {
    /// Work on the open labour market, without a subsidy — *avoimet työmarkkinat*.
    OpenLabourMarket,
    /// Self-employment, a business of one's own — *yrittäjä*.
    SelfEmployed,
    /// Pay-subsidised work — *palkkatukityö*: an employment relationship whose
    /// wage costs the employment authority subsidises.
    PaySubsidisedWork,
    /// Apprenticeship training — *oppisopimuskoulutus*: a fixed-term employment
    /// contract with vocational training.
    Apprenticeship,
    /// Education or training — *koulutus, opiskelu*.
    Education,
    /// A work trial — *työkokeilu*: an employment service, not an employment
    /// relationship.
    WorkTrial,
    /// Vocational rehabilitation (Kela, earnings-related pension providers) —
    /// *ammatillinen kuntoutus*.
    VocationalRehabilitation,
    /// Rehabilitative work activity — *kuntouttava työtoiminta*: a social service.
    RehabilitativeWorkActivity,
    /// Actively seeking work — *aktiivinen työnhakija*.
    JobSeeking,
    /// Outside the labour force for another reason (illness, family leave,
    /// conscript service) — *työvoiman ulkopuolella*.
    Inactive,
    /// Not known: the exit form was asked for but the situation could not be found
    /// out (documented, as the Häme ELY notice requires — RULES.md §7).
    Unknown,
}

/// A text that is not an exit situation's code or Finnish name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an exit situation code (e.g. open_labour_market, palkkatukityö, työkokeilu)")]
pub struct UnknownExitSituation;

error_codes! {
    UnknownExitSituation {
        UnknownExitSituation => "participant.unknown_exit_situation": "A text that is not an exit situation's code or Finnish name.",
    }
}

impl ExitSituation {
    /// Every situation, in code-list order.
    pub const ALL: [ExitSituation; 11] = [
        ExitSituation::OpenLabourMarket,
        ExitSituation::SelfEmployed,
        ExitSituation::PaySubsidisedWork,
        ExitSituation::Apprenticeship,
        ExitSituation::Education,
        ExitSituation::WorkTrial,
        ExitSituation::VocationalRehabilitation,
        ExitSituation::RehabilitativeWorkActivity,
        ExitSituation::JobSeeking,
        ExitSituation::Inactive,
        ExitSituation::Unknown,
    ];

    /// The code used in files, e.g. `pay_subsidised_work`.
    pub fn code(self) -> &'static str {
        match self {
            ExitSituation::OpenLabourMarket => "open_labour_market",
            ExitSituation::SelfEmployed => "self_employed",
            ExitSituation::PaySubsidisedWork => "pay_subsidised_work",
            ExitSituation::Apprenticeship => "apprenticeship",
            ExitSituation::Education => "education",
            ExitSituation::WorkTrial => "work_trial",
            ExitSituation::VocationalRehabilitation => "vocational_rehabilitation",
            ExitSituation::RehabilitativeWorkActivity => "rehabilitative_work_activity",
            ExitSituation::JobSeeking => "job_seeking",
            ExitSituation::Inactive => "inactive",
            ExitSituation::Unknown => "unknown",
        }
    }

    /// The Finnish name, e.g. `palkkatukityö`.
    pub fn name_fi(self) -> &'static str {
        match self {
            ExitSituation::OpenLabourMarket => "avoimet työmarkkinat",
            ExitSituation::SelfEmployed => "yrittäjä",
            ExitSituation::PaySubsidisedWork => "palkkatukityö",
            ExitSituation::Apprenticeship => "oppisopimuskoulutus",
            ExitSituation::Education => "koulutus",
            ExitSituation::WorkTrial => "työkokeilu",
            ExitSituation::VocationalRehabilitation => "ammatillinen kuntoutus",
            ExitSituation::RehabilitativeWorkActivity => "kuntouttava työtoiminta",
            ExitSituation::JobSeeking => "työnhakija",
            ExitSituation::Inactive => "työvoiman ulkopuolella",
            ExitSituation::Unknown => "ei tiedossa",
        }
    }

    /// Reads a code or Finnish name, case-insensitively, with a few common
    /// synonyms (`palkkatuki`, `oppisopimus`, `opiskelu`).
    pub fn from_label(label: &str) -> Option<ExitSituation> {
        if let Some(s) = find_by_labels(label, ExitSituation::ALL, |s| [s.code(), s.name_fi()]) {
            return Some(s);
        }
        from_labels(label, super::fields::EXIT_SITUATION_LABELS)
    }
}

impl std::str::FromStr for ExitSituation {
    type Err = UnknownExitSituation;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExitSituation::from_label(s).ok_or(UnknownExitSituation)
    }
}

impl fmt::Display for ExitSituation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The EU immediate-result categories a situation counts under — *välittömät
/// tulokset*: job searching (CR01 / EECR01), in education or training (CR02 /
/// EECR02), gaining a qualification (CR03 / EECR03), in employment including
/// self-employment (CR04 / EECR04). RULES.md §1.4, §2.3.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[non_exhaustive]
pub struct ResultCategories {
    /// Engaged in job searching.
    pub job_searching: bool,
    /// In education or training.
    pub education_or_training: bool,
    /// Gaining a qualification.
    pub qualification: bool,
    /// In employment, including self-employment.
    pub employment: bool,
}

impl ResultCategories {
    /// No category: the situation counts only in the total of leavers.
    pub const NONE: ResultCategories = ResultCategories {
        job_searching: false,
        education_or_training: false,
        qualification: false,
        employment: false,
    };

    /// Whether any category applies.
    pub fn any(self) -> bool {
        self.job_searching || self.education_or_training || self.qualification || self.employment
    }
}
