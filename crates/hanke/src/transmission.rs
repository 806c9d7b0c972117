//! The transmission calendar — *tietojen toimittaminen komissiolle*: when a
//! managing authority sends cumulative data to the Commission and which day the
//! data stand at (Reg. 2021/1060 Art 42; SFC 2021 "submission dates" FAQ,
//! RULES.md §3.1).
//!
//! Five submissions a year — 31 January, 30 April, 31 July, 30 September and
//! 30 November \[V\]; each with a version code `YYYYMM` whose month is the cut-off
//! month, the cut-off being the last day of the month before the submission
//! (\[P\]: inferred from the version codes). Financial tables go in every
//! submission; indicator tables only in the January and July ones \[V\].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::programme::Verification;

/// One submission of data to the Commission — *tiedonsiirto*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Transmission {
    /// The SFC version code, e.g. `202412` for the submission of 31 January 2025.
    pub version: String,
    /// The day the submission is due.
    pub due: NaiveDate,
    /// The day the cumulative data stand at.
    pub cut_off: NaiveDate,
    /// Whether the indicator tables are part of it (January and July only).
    pub includes_indicators: bool,
    /// How far the cut-off rule is verified.
    pub cut_off_verification: Verification,
}

/// (due month, due day, includes indicators)
const SCHEDULE: [(u32, u32, bool); 5] = [
    (1, 31, true),
    (4, 30, false),
    (7, 31, true),
    (9, 30, false),
    (11, 30, false),
];

/// The source of the calendar.
pub const SOURCE: &str = "Reg. 2021/1060 Art 42; SFC 2021 FAQ tod-ijg-submission-dates-tables";

/// The five submissions due in calendar year `year`, in date order.
///
/// ```
/// let t = hanke::transmission::transmissions_in(2025);
/// assert_eq!(t.len(), 5);
/// assert_eq!((t[0].version.as_str(), t[0].cut_off.to_string().as_str()), ("202412", "2024-12-31"));
/// assert!(t[0].includes_indicators && !t[1].includes_indicators && t[2].includes_indicators);
/// ```
pub fn transmissions_in(year: i32) -> Vec<Transmission> {
    SCHEDULE
        .iter()
        .filter_map(|&(month, day, includes_indicators)| {
            let due = NaiveDate::from_ymd_opt(year, month, day)?;
            let first_of_month = NaiveDate::from_ymd_opt(year, month, 1)?;
            let cut_off = first_of_month.pred_opt()?;
            Some(Transmission {
                version: format!("{:04}{:02}", cut_off.year(), cut_off.month()),
                due,
                cut_off,
                includes_indicators,
                cut_off_verification: Verification::Partial,
            })
        })
        .collect()
}

/// The first submission due on or after `day`; with `indicators_only`, the first
/// one that includes the indicator tables.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::transmission::next_transmission;
/// let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// assert_eq!(next_transmission(day, false).unwrap().version, "202610");
/// assert_eq!(next_transmission(day, true).unwrap().version, "202612");
/// ```
pub fn next_transmission(day: NaiveDate, indicators_only: bool) -> Option<Transmission> {
    (day.year()..=day.year().saturating_add(1))
        .flat_map(transmissions_in)
        .find(|t| t.due >= day && (t.includes_indicators || !indicators_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_submissions_of_a_year() {
        let got: Vec<_> = transmissions_in(2024)
            .into_iter()
            .map(|t| (t.version, t.due.to_string(), t.cut_off.to_string()))
            .collect();
        let want = [
            ("202312", "2024-01-31", "2023-12-31"),
            ("202403", "2024-04-30", "2024-03-31"),
            ("202406", "2024-07-31", "2024-06-30"),
            ("202408", "2024-09-30", "2024-08-31"),
            ("202410", "2024-11-30", "2024-10-31"),
        ];
        assert_eq!(got.len(), 5);
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str()), w);
        }
    }

    #[test]
    fn next_on_the_due_day_and_after_the_last() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            next_transmission(d(2025, 7, 31), false).unwrap().due,
            d(2025, 7, 31)
        );
        assert_eq!(
            next_transmission(d(2025, 12, 1), false).unwrap().version,
            "202512"
        );
        assert_eq!(
            next_transmission(d(2025, 8, 1), true).unwrap().due,
            d(2026, 1, 31)
        );
    }
}
