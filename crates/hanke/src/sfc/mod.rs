//! The managing authority's indicator tables for SFC2021 — *SFC2021-taulukot*:
//! Table 6 (ESF+ output indicators) and Table 10 (result indicators), computed
//! from the participants of every operation of a programme, with the
//! Commission's validation rules as findings (issue 27).
//!
//! What the tables are, and where that comes from:
//!
//! - **When.** Indicator tables go with the submissions of 31 January and
//!   31 July, with cut-offs 31 December and 30 June, and hold cumulative values
//!   from the programme's start (CPR 2021/1060 Art 42 and Annex VII; SFC2021
//!   FAQ on submission dates and tables). [`CutOff`] accepts only those days.
//! - **Breakdown.** Table 6 is per priority × specific objective × category of
//!   region × gender (women, men, non-binary); ESF+ specific objectives are
//!   coded `ESO4.1`–`ESO4.13`, the letters (a)–(m) of Reg. 2021/1057 Art 4(1)
//!   ([`SfcObjective`]). A Finnish specific objective reaches its letter through
//!   the programme catalogue (`programme::SpecificObjective::esf_plus_letter`),
//!   and the operation keeps that letter's verification
//!   (`Operation::objective_verification`).
//! - **Reserved composites** are sums of common indicators, validated at error
//!   level by rules 144–148 of the SFC2021 validation-rule change of 24 June
//!   2024 (sfc.ec.europa.eu, "Validation Rule changes for TOD Table 6 (ESF+)"):
//!   EECO02+04, EECO02+05, EECO02+04+05, EECO06+07, EECO10+11, "and all
//!   programme specific reserved output indicators". hanke computes a composite
//!   from its parts, never on its own ([`COMPOSITES`]).
//! - **Zeros and target groups.** An operation without individual participants
//!   reports zeros; where eligibility requires a characteristic (registered
//!   unemployment for EECO02, disability for EECO12) every participant may be
//!   reported under that indicator without collecting it per person (SFC2021
//!   FAQ; Reg. 2021/1057 Annex I: "on the basis of the operation's target
//!   group"). Both are explicit in [`Participation`] and [`Operation::target_group`].
//!
//! ```
//! use hanke::sfc::{CutOff, Operation, Participation, SfcObjective, Table6};
//! use hanke::programme::RegionCategory;
//!
//! let cut_off: CutOff = "2024-12-31".parse()?;
//! let op = Operation::new("S30001".parse()?, 4, SfcObjective::from_letter('a')?,
//!                         RegionCategory::MoreDeveloped, Participation::NoIndividualParticipants);
//! let table = Table6::aggregate(&[op], cut_off)?;
//! assert!(!table.rows().is_empty() && table.rows().iter().all(|r| r.value == 0)); // zeros, reported
//! assert!(table.validate().is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod explain;
mod kit;
mod spec;
mod table;
mod validate;

pub use explain::{Basis, CellExplanation, Share, explain_cell};
pub use kit::{KitRun, run_kit};
pub use spec::{KIT_VERSION, specification};
pub use table::{COMPOSITES, Composite, Difference, Row, Table6, Table10, compare};
pub use validate::{ResultLink, genders};

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::Echo;
use crate::indicator::CommonIndicators;
use crate::programme::{ProgrammePeriod, ProjectCode, RegionCategory, Verification};

/// Why a table cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SfcError {
    /// A cut-off that is not 30 June or 31 December.
    #[error(
        "an SFC2021 cut-off is 30 June or 31 December (indicator tables go with the submissions of 31 July and 31 January); got {given}"
    )]
    CutOff {
        /// The text given.
        given: Echo,
    },
    /// A letter that is not one of Art 4(1)'s (a)–(m), or an `ESO4.n` code out of range.
    #[error(
        "an ESF+ specific objective is a letter (a)–(m) of Reg. 2021/1057 Art 4(1), written ESO4.1–ESO4.13; got {given}"
    )]
    Objective {
        /// The text given.
        given: Echo,
    },
    /// An operation's participants are counted under another catalogue than ESF+'s.
    #[error(
        "operation {operation}: its participants are counted under {catalogue}, not the ESF+ catalogue of Table 6"
    )]
    Catalogue {
        /// The project code.
        operation: String, // echo-safe: a ProjectCode, formatted by hanke
        /// The catalogue code.
        catalogue: &'static str,
    },
    /// An operation counted at another cut-off than the table's.
    #[error("operation {operation}: counted to another cut-off than the table's {cut_off}")]
    CutOffMismatch {
        /// The project code.
        operation: String, // echo-safe: a ProjectCode, formatted by hanke
        /// The table's cut-off.
        cut_off: NaiveDate,
    },
    /// A target-group flag on an indicator that is not an ESF+ participant output indicator.
    #[error(
        "operation {operation}: {indicator} is not an ESF+ output indicator a target group can report"
    )]
    TargetGroup {
        /// The project code.
        operation: String, // echo-safe: a ProjectCode, formatted by hanke
        /// The code given.
        indicator: Echo,
    },
    /// A project that lacks what its cell needs (period, priority, objective, letter, category of region).
    #[error("project {operation}: {missing}")]
    Placement {
        /// The project code, or `?`.
        operation: String, // echo-safe: a ProjectCode, formatted by hanke
        /// What is missing.
        missing: &'static str,
    },
    /// A cell that cannot be explained: an indicator not in the tables, a
    /// category of region not SFC's, or an operation whose records are not given.
    #[error("cannot explain the cell: {given}")]
    Explain {
        /// What is wrong, masked.
        given: Echo,
    },
    /// A category of region that is not one of SFC2021's three.
    #[error("a category of region is less developed, transition or more developed; got {given}")]
    Region {
        /// The text given.
        given: Echo,
    },
    /// A file of a conformance kit that cannot be read as the kit's.
    #[error("kit file {file}: {problem}")]
    Kit {
        /// The file, masked.
        file: Echo,
        /// What is wrong, masked.
        problem: Echo,
    },
    /// A file that cannot be opened or read.
    #[error("{path}: {problem}")]
    Io {
        /// The path, masked.
        path: Echo,
        /// The system's message, masked.
        problem: Echo,
    },
    /// A table CSV that cannot be read: the line and what is wrong.
    #[error("table CSV, line {line}: {problem}")]
    Csv {
        /// The line, from 1.
        line: u64,
        /// What is wrong, masked.
        problem: Echo,
    },
}

error_codes! {
    SfcError {
        SfcError::CutOff { .. } => "sfc.cut_off": "A cut-off that is not 30 June or 31 December.",
        SfcError::Objective { .. } => "sfc.objective": "A specific objective that is not a letter (a)-(m) of Reg. 2021/1057 Art 4(1) or ESO4.1-ESO4.13.",
        SfcError::Catalogue { .. } => "sfc.catalogue": "An operation counted under another catalogue than ESF+'s.",
        SfcError::CutOffMismatch { .. } => "sfc.cut_off_mismatch": "An operation counted to another cut-off than the table's.",
        SfcError::TargetGroup { .. } => "sfc.target_group": "A target-group flag on an indicator that is not an ESF+ participant output indicator.",
        SfcError::Placement { .. } => "sfc.placement": "A project without the period, priority, specific objective (with its Art 4(1) letter) or category of region its cell needs.",
        SfcError::Explain { .. } => "sfc.explain": "A cell that cannot be explained: an indicator not in the tables, another category of region, or an operation without its records.",
        SfcError::Region { .. } => "sfc.region": "A category of region that is not less developed, transition or more developed.",
        SfcError::Kit { .. } => "sfc.kit": "A file of a conformance kit that cannot be read as the kit's (a participant file with rejected rows, bad JSON).",
        SfcError::Io { .. } => "sfc.io": "A file that cannot be opened or read.",
        SfcError::Csv { .. } => "sfc.csv": "A table CSV that cannot be read (header, cell or number).",
    }
}

/// A reporting cut-off of SFC2021 — *katkaisupäivä*: 30 June or 31 December.
///
/// ```
/// use hanke::sfc::CutOff;
/// let c: CutOff = "2024-06-30".parse()?;
/// assert_eq!(c.submission_due().to_string(), "2024-07-31");
/// assert_eq!("2024-06-29".parse::<CutOff>().unwrap_err().code(), "sfc.cut_off");
/// # Ok::<(), hanke::sfc::SfcError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CutOff(NaiveDate);

impl CutOff {
    /// A cut-off on `day`, if it is 30 June or 31 December.
    pub fn new(day: NaiveDate) -> Result<CutOff, SfcError> {
        if matches!((day.month(), day.day()), (6, 30) | (12, 31)) {
            Ok(CutOff(day))
        } else {
            Err(SfcError::CutOff {
                given: Echo::new(&day.to_string()),
            })
        }
    }

    /// The day.
    pub fn day(self) -> NaiveDate {
        self.0
    }

    /// The latest cut-off on or before `day` — the default day of a report
    /// run without one (the `hanke` command's `--on`): it changes only when a
    /// cut-off passes, never with each day the command is run, and it is the
    /// day data are transmitted for (Reg. 2021/1060 Art 42(1), 31 January and
    /// 31 July transmissions of data cut off on 31 December and 30 June).
    ///
    /// ```
    /// use hanke::sfc::CutOff;
    /// let on = |d: &str| CutOff::latest_on_or_before(d.parse().unwrap()).day().to_string();
    /// assert_eq!(on("2026-12-04"), "2026-06-30");
    /// assert_eq!(on("2026-12-31"), "2026-12-31");
    /// assert_eq!(on("2026-06-29"), "2025-12-31");
    /// ```
    pub fn latest_on_or_before(day: NaiveDate) -> CutOff {
        let year = day.year();
        let june = NaiveDate::from_ymd_opt(year, 6, 30);
        let december = NaiveDate::from_ymd_opt(year, 12, 31);
        let last_year = NaiveDate::from_ymd_opt(year.saturating_sub(1), 12, 31);
        let found = [december, june, last_year]
            .into_iter()
            .flatten()
            .find(|d| *d <= day);
        CutOff(found.unwrap_or(day))
    }

    /// The day the tables are due: 31 July for 30 June, 31 January for 31 December.
    pub fn submission_due(self) -> NaiveDate {
        let (y, m) = if self.0.month() == 6 {
            (self.0.year(), 7)
        } else {
            (self.0.year().saturating_add(1), 1)
        };
        NaiveDate::from_ymd_opt(y, m, 31).unwrap_or(self.0)
    }

    /// The SFC submission period of the cut-off, `YYYY06` or `YYYY12`.
    pub fn period_code(self) -> String {
        format!("{}{:02}", self.0.year(), self.0.month())
    }
}

impl FromStr for CutOff {
    type Err = SfcError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let day = crate::day::parse_day(s.trim()).map_err(|_| SfcError::CutOff {
            given: Echo::new(s),
        })?;
        CutOff::new(day)
    }
}

impl fmt::Display for CutOff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl serde::Serialize for CutOff {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl serde::Serialize for SfcObjective {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An ESF+ specific objective as SFC2021 codes it — *erityistavoite*:
/// `ESO4.1` (Art 4(1)(a)) … `ESO4.13` ((m)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SfcObjective(u8);

impl SfcObjective {
    /// The objective of Art 4(1)'s letter `a`–`m`.
    pub fn from_letter(letter: char) -> Result<SfcObjective, SfcError> {
        let n = u8::try_from(u32::from(letter.to_ascii_lowercase()))
            .ok()
            .and_then(|b| b.checked_sub(b'a'))
            .filter(|n| *n < 13)
            .ok_or_else(|| SfcError::Objective {
                given: Echo::new(&letter.to_string()),
            })?;
        Ok(SfcObjective(n.saturating_add(1)))
    }

    /// The letter of Art 4(1).
    pub fn letter(self) -> char {
        char::from(b'a'.saturating_add(self.0.saturating_sub(1)))
    }
}

impl fmt::Display for SfcObjective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ESO4.{}", self.0)
    }
}

impl FromStr for SfcObjective {
    type Err = SfcError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SfcError::Objective {
            given: Echo::new(s),
        };
        let n: u8 = s
            .trim()
            .strip_prefix("ESO4.")
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse().ok())
            .filter(|n| (1..=13).contains(n))
            .ok_or_else(err)?;
        Ok(SfcObjective(n))
    }
}

/// The category of region of a Table 6 cell as SFC2021 breaks it down:
/// less developed, transition, more developed (CPR Art 108(2)). The two
/// "formerly" categories of Art 112(3)(b) and (d) are reported under their
/// category — **interpretation**: Art 108(2) defines three categories, and the
/// (b)/(d) distinctions set co-financing rates (Art 112(3)), not categories.
pub fn sfc_category(region: RegionCategory) -> &'static str {
    match region {
        RegionCategory::LessDeveloped => "less developed",
        RegionCategory::Transition | RegionCategory::TransitionFormerlyLessDeveloped => {
            "transition"
        }
        RegionCategory::MoreDeveloped | RegionCategory::MoreDevelopedFormerlyTransition => {
            "more developed"
        }
    }
}

/// The category of region of its SFC2021 name (`less developed`, `transition`,
/// `more developed`), as [`sfc_category`] writes it.
///
/// ```
/// use hanke::sfc::{region_of, sfc_category};
/// assert_eq!(sfc_category(region_of("transition")?), "transition");
/// assert_eq!(region_of("rural").unwrap_err().code(), "sfc.region");
/// # Ok::<(), hanke::sfc::SfcError>(())
/// ```
pub fn region_of(text: &str) -> Result<RegionCategory, SfcError> {
    match text.trim() {
        "less developed" => Ok(RegionCategory::LessDeveloped),
        "transition" => Ok(RegionCategory::Transition),
        "more developed" => Ok(RegionCategory::MoreDeveloped),
        _ => Err(SfcError::Region {
            given: Echo::new(text),
        }),
    }
}

/// How an operation's participants are known — *osallistujatiedot*.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Participation {
    /// Counted from participant records (the mergeable per-project result,
    /// under the ESF+ catalogue and at the table's cut-off).
    Records(Box<CommonIndicators>),
    /// An operation without individual participants (pure research, a survey,
    /// an information campaign; RULES.md §1.1): it reports zeros.
    NoIndividualParticipants,
}

/// One operation — *toimi, hanke*: its cell and its participants.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The project code.
    pub code: ProjectCode,
    /// The priority.
    pub priority: u8,
    /// The specific objective.
    pub objective: SfcObjective,
    /// How far the objective's Art 4(1) letter is verified (from the programme catalogue).
    pub objective_verification: Verification,
    /// The category of region.
    pub region: RegionCategory,
    /// The participants.
    pub participation: Participation,
    /// Output indicators under which every participant is reported because
    /// eligibility requires the characteristic (e.g. `EECO02`, `EECO12`):
    /// the operation's target group (Reg. 2021/1057 Annex I; SFC2021 FAQ).
    pub target_group: Vec<&'static str>,
}

impl Operation {
    /// An operation in a cell, without target-group flags.
    pub fn new(
        code: ProjectCode,
        priority: u8,
        objective: SfcObjective,
        region: RegionCategory,
        participation: Participation,
    ) -> Operation {
        Operation {
            code,
            priority,
            objective,
            objective_verification: Verification::Verified,
            region,
            participation,
            target_group: Vec::new(),
        }
    }

    /// The operation of an ESF+ project: its code, priority, specific
    /// objective (its Art 4(1) letter from the programme catalogue) and
    /// category of region, each refused with `sfc.placement` if missing.
    pub fn of_project(
        project: &crate::Project,
        participation: Participation,
    ) -> Result<Operation, SfcError> {
        let operation = project
            .code
            .map_or_else(|| "?".to_string(), |c| c.to_string());
        let missing = |missing| SfcError::Placement {
            operation: operation.clone(),
            missing,
        };
        let code = project.code.ok_or_else(|| missing("no project code"))?;
        let p = &project.placement;
        if p.programme != Some(ProgrammePeriod::Period2021To2027) {
            return Err(missing("not a 2021–2027 project"));
        }
        let priority = p.priority.ok_or_else(|| missing("no priority"))?;
        let so = p
            .specific_objective
            .as_deref()
            .and_then(|s| {
                crate::programme::programme(ProgrammePeriod::Period2021To2027)?
                    .specific_objective(s)
            })
            .ok_or_else(|| missing("no specific objective of the programme"))?;
        let letter = so
            .esf_plus_letter
            .ok_or_else(|| missing("the specific objective has no Art 4(1) letter"))?;
        let region = p
            .region_category
            .ok_or_else(|| missing("no category of region"))?;
        let mut op = Operation::new(
            code,
            priority,
            SfcObjective::from_letter(letter)?,
            region,
            participation,
        );
        op.objective_verification = so.letter_verification;
        Ok(op)
    }

    /// An operation from its texts — what a file or a binding gives: the
    /// project code, the priority, `ESO4.n`, the category of region's SFC2021
    /// name and the target-group indicators; each refused with its code.
    pub fn from_texts(
        code: &str,
        priority: u8,
        objective: &str,
        region: &str,
        participation: Participation,
        target_group: &[&str],
    ) -> Result<Operation, SfcError> {
        let code: ProjectCode = code.trim().parse().map_err(|_| SfcError::Placement {
            operation: "?".to_string(),
            missing: "a project code (a letter and five digits)",
        })?;
        let mut op = Operation::new(
            code,
            priority,
            objective.parse()?,
            region_of(region)?,
            participation,
        );
        for t in target_group
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        {
            op = op.with_target_group(t)?;
        }
        Ok(op)
    }

    /// Reports every participant under `indicator` (the target-group rule).
    pub fn with_target_group(mut self, indicator: &str) -> Result<Operation, SfcError> {
        let known = crate::indicator::Catalogue::EsfPlus
            .indicators()
            .iter()
            .find(|i| {
                i.code == indicator.trim()
                    && i.kind == crate::indicator::IndicatorKind::Output
                    && i.unit == crate::indicator::Unit::Participants
                    && i.code != "EECO01"
            })
            .ok_or_else(|| SfcError::TargetGroup {
                operation: self.code.to_string(),
                indicator: Echo::new(indicator),
            })?;
        if !self.target_group.contains(&known.code) {
            self.target_group.push(known.code);
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests;
