//! Project-specific indicators — *hankekohtaiset indikaattorit*: what a project
//! plan promises beside the common indicators, with baseline, target, milestones
//! and actuals, computed from the project's activities where it names a measure.
//!
//! Art 17(3) of Reg. 2021/1057 (RULES.md §2.4) sets the pattern for ESF+ output
//! indicators: baseline zero, milestones and targets as cumulative absolute
//! numbers; hanke uses the same shape for every funder.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activity::{ActivityLog, ActivityMeasure, Figure};

/// A cumulative value due by a day — *välitavoite*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The day.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// The cumulative value due by that day.
    pub value: u64,
}

/// Where the actual value comes from — *toteuma*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ProjectIndicatorSource {
    /// Entered cumulative values, each as of a day (e.g. the end of a reporting
    /// period); the latest one on or before the cut-off counts.
    Entered(Vec<Milestone>),
    /// Computed from the project's activities.
    Activities(ActivityMeasure),
}

/// A project-specific indicator — *hankekohtainen indikaattori*.
///
/// ```
/// use hanke::indicator::{ProjectIndicator, ProjectIndicatorSource, Milestone};
/// let json = r#"{"code": "P1", "name": "Verkostotilaisuudet", "unit": "tilaisuutta",
///   "target": 40, "source": {"activities": {"kinds": ["network_event"], "measure": "activities"}}}"#;
/// let ind: ProjectIndicator = serde_json::from_str(json).unwrap();
/// assert_eq!(ind.target, Some(40));
/// assert!(matches!(ind.source, ProjectIndicatorSource::Activities(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProjectIndicator {
    /// The project's own code for it (e.g. `P1`).
    pub code: String,
    /// Its name as the plan gives it.
    pub name: String,
    /// An English name, if the plan has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The unit (e.g. `tilaisuutta`, `osallistujaa`, `%`).
    pub unit: String,
    /// The value at the start (zero for outputs under Art 17(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<u64>,
    /// The cumulative target by the end of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u64>,
    /// Cumulative milestones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub milestones: Vec<Milestone>,
    /// Where the actual value comes from.
    pub source: ProjectIndicatorSource,
}

impl ProjectIndicator {
    /// The actual value at `cut_off` (`None`: everything recorded).
    pub fn actual(&self, activities: Option<&ActivityLog>, cut_off: Option<NaiveDate>) -> Figure {
        match &self.source {
            ProjectIndicatorSource::Entered(values) => values
                .iter()
                .filter(|m| cut_off.is_none_or(|c| m.date <= c))
                .max_by_key(|m| m.date)
                .map_or(Figure::None, |m| Figure::Count { value: m.value }),
            ProjectIndicatorSource::Activities(measure) => {
                activities.map_or(Figure::None, |log| log.figure(measure, cut_off))
            }
        }
    }

    /// The milestone due by `day`: the latest one on or before it.
    pub fn milestone_due(&self, day: NaiveDate) -> Option<&Milestone> {
        self.milestones
            .iter()
            .filter(|m| m.date <= day)
            .max_by_key(|m| m.date)
    }
}
