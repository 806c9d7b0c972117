//! When a project runs: `ApproxDate` (a day, a month or a year, as documents give
//! it), `ProjectPeriod` (*toteutusaika*) and `ProjectStatus` (*toiminnan tila*).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A date known to a day, a month or only a year — *päivämäärä tai ajankohta*.
///
/// Seed documents say "1.5.2020", "9/2024" or "2019–2021"; hanke keeps each at
/// the precision it was given rather than inventing a day. JSON form: `2020-05-01`,
/// `2024-09`, `2019`. `FromStr` also reads the Finnish `1.5.2020` and `9/2024`.
///
/// ```
/// use hanke::project::ApproxDate;
/// let d: ApproxDate = "9/2024".parse()?;
/// assert_eq!(d.to_string(), "2024-09");
/// assert_eq!(d.last_day().to_string(), "2024-09-30");
/// let d: ApproxDate = "1.5.2020".parse()?;
/// assert_eq!(d.to_string(), "2020-05-01");
/// # Ok::<(), hanke::project::PeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApproxDate {
    /// A known day.
    Day(NaiveDate),
    /// A known month: year and month 1–12 (always a valid month).
    Month(i32, u32),
    /// A known year.
    Year(i32),
}

/// Why a date or a period was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// Not a date in any accepted form.
    #[error(
        "not a date: {input:?} (use 2020-05-01, 2020-05, 2020, 1.5.2020 or 5/2020; years 0001–9999)"
    )]
    InvalidDate {
        /// The text given.
        input: crate::Echo,
    },
    /// The end comes before the start.
    #[error("period ends ({end}) before it starts ({start})")]
    EndBeforeStart {
        /// The start.
        start: crate::Echo,
        /// The end.
        end: crate::Echo,
    },
}

error_codes! {
    PeriodError {
        PeriodError::InvalidDate { .. } => "period.invalid_date": "Not a date in any accepted form.",
        PeriodError::EndBeforeStart { .. } => "period.end_before_start": "The end comes before the start.",
    }
}

impl ApproxDate {
    /// The first day the date can mean.
    pub fn first_day(self) -> NaiveDate {
        match self {
            ApproxDate::Day(d) => d,
            ApproxDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
            ApproxDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// The last day the date can mean.
    pub fn last_day(self) -> NaiveDate {
        match self {
            ApproxDate::Day(d) => d,
            ApproxDate::Month(y, m) => {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y.saturating_add(1), 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m.saturating_add(1), 1)
                };
                next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
            }
            ApproxDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self {
            ApproxDate::Day(d) => d.year(),
            ApproxDate::Month(y, _) | ApproxDate::Year(y) => y,
        }
    }

    /// The date in the Finnish form: `1.5.2020`, `9/2024`, `2019`.
    pub fn format_fi(self) -> String {
        match self {
            ApproxDate::Day(d) => format!("{}.{}.{}", d.day(), d.month(), d.year()),
            ApproxDate::Month(y, m) => format!("{m}/{y}"),
            ApproxDate::Year(y) => y.to_string(),
        }
    }
}

fn month(y: i32, m: u32) -> Option<ApproxDate> {
    (1..=12).contains(&m).then_some(ApproxDate::Month(y, m))
}

impl FromStr for ApproxDate {
    type Err = PeriodError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let err = || PeriodError::InvalidDate {
            input: crate::Echo::new(input),
        };
        let nums = |parts: &[&str]| -> Option<Vec<i64>> {
            parts
                .iter()
                .map(|p| {
                    (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| p.parse::<i64>().ok())
                        .flatten()
                })
                .collect()
        };
        let dash: Vec<&str> = s.split('-').collect();
        let dot: Vec<&str> = s.split('.').collect();
        let slash: Vec<&str> = s.split('/').collect();
        let to_i32 = |n: i64| i32::try_from(n).ok();
        let to_u32 = |n: i64| u32::try_from(n).ok();
        let parsed = match (dash.len(), dot.len(), slash.len()) {
            (3, 1, 1) => nums(&dash).and_then(|n| match n.as_slice() {
                [y, m, d] if dash.first().is_some_and(|p| p.len() == 4) => {
                    NaiveDate::from_ymd_opt(to_i32(*y)?, to_u32(*m)?, to_u32(*d)?)
                        .map(ApproxDate::Day)
                }
                _ => None,
            }),
            (2, 1, 1) => nums(&dash).and_then(|n| match n.as_slice() {
                [y, m] if dash.first().is_some_and(|p| p.len() == 4) => {
                    month(to_i32(*y)?, to_u32(*m)?)
                }
                _ => None,
            }),
            (1, 3, 1) => nums(&dot).and_then(|n| match n.as_slice() {
                [d, m, y] if dot.get(2).is_some_and(|p| p.len() == 4) => {
                    NaiveDate::from_ymd_opt(to_i32(*y)?, to_u32(*m)?, to_u32(*d)?)
                        .map(ApproxDate::Day)
                }
                _ => None,
            }),
            (1, 1, 2) => nums(&slash).and_then(|n| match n.as_slice() {
                [m, y] if slash.get(1).is_some_and(|p| p.len() == 4) => {
                    month(to_i32(*y)?, to_u32(*m)?)
                }
                _ => None,
            }),
            (1, 1, 1) if s.len() == 4 => nums(&[s])
                .and_then(|n| n.first().copied())
                .and_then(to_i32)
                .map(ApproxDate::Year),
            _ => None,
        };
        // Year 0 has no day in the Gregorian calendar as Python, Kotlin and
        // Swift date types hold it (ISO 8601 years 0001–9999 everywhere).
        parsed.filter(|d| d.year() >= 1).ok_or_else(err)
    }
}

impl fmt::Display for ApproxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApproxDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            ApproxDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            ApproxDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

serde_as_string!(ApproxDate);

/// The period a project runs — *toteutusaika*: start and end, each at the
/// precision known. The end never comes before the start (checked on construction
/// and when read from JSON).
///
/// ```
/// use hanke::project::{ProjectPeriod, ProjectStatus};
/// use chrono::NaiveDate;
/// let p = ProjectPeriod::new("1.5.2020".parse()?, "30.9.2020".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap();
/// assert_eq!(p.status_on(day), ProjectStatus::Ended);
/// assert!(ProjectPeriod::new("2021".parse()?, "2020".parse()?).is_err());
/// # Ok::<(), hanke::project::PeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawPeriod", into = "RawPeriod")]
pub struct ProjectPeriod {
    start: ApproxDate,
    end: ApproxDate,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    start: ApproxDate,
    end: ApproxDate,
}

impl TryFrom<RawPeriod> for ProjectPeriod {
    type Error = PeriodError;
    fn try_from(r: RawPeriod) -> Result<Self, Self::Error> {
        ProjectPeriod::new(r.start, r.end)
    }
}

impl From<ProjectPeriod> for RawPeriod {
    fn from(p: ProjectPeriod) -> Self {
        RawPeriod {
            start: p.start,
            end: p.end,
        }
    }
}

impl ProjectPeriod {
    /// A period from `start` to `end`; fails if the end can only be before the start.
    pub fn new(start: ApproxDate, end: ApproxDate) -> Result<ProjectPeriod, PeriodError> {
        if end.last_day() < start.first_day() {
            return Err(PeriodError::EndBeforeStart {
                start: start.to_string().into(),
                end: end.to_string().into(),
            });
        }
        Ok(ProjectPeriod { start, end })
    }

    /// The start.
    pub fn start(&self) -> ApproxDate {
        self.start
    }

    /// The end.
    pub fn end(&self) -> ApproxDate {
        self.end
    }

    /// The status on `day` judged by the dates alone: before the first possible
    /// start day it has not started, after the last possible end day it has ended.
    pub fn status_on(&self, day: NaiveDate) -> ProjectStatus {
        if day < self.start.first_day() {
            ProjectStatus::NotStarted
        } else if day > self.end.last_day() {
            ProjectStatus::Ended
        } else {
            ProjectStatus::Active
        }
    }

    /// Whether `day` can fall within the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.status_on(day) == ProjectStatus::Active
    }
}

impl fmt::Display for ProjectPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.start.format_fi(), self.end.format_fi())
    }
}

/// The state of a project — *toiminnan tila*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Not started yet (*ei alkanut*).
    NotStarted,
    /// Running (*toiminnassa*).
    Active,
    /// Ended (*päättynyt*).
    Ended,
}

impl ProjectStatus {
    /// Reads the status texts of EURA and project pages: `Toiminta päättynyt`,
    /// `Hanke loppunut`, `Hanke on päättynyt`, `Toiminnassa`, `Käynnissä`,
    /// `Ei alkanut` (any case). `None` for anything else.
    ///
    /// ```
    /// use hanke::project::ProjectStatus;
    /// assert_eq!(ProjectStatus::from_text_fi("Hanke loppunut"), Some(ProjectStatus::Ended));
    /// assert_eq!(ProjectStatus::from_text_fi("Toiminnassa"), Some(ProjectStatus::Active));
    /// ```
    pub fn from_text_fi(text: &str) -> Option<ProjectStatus> {
        let t = text.trim().trim_end_matches('.').to_lowercase();
        if t.contains("päättynyt") || t.contains("loppunut") || t.contains("päättyi") {
            Some(ProjectStatus::Ended)
        } else if t == "toiminnassa" || t == "käynnissä" || t == "käynnissä oleva" {
            Some(ProjectStatus::Active)
        } else if t == "ei alkanut" || t == "alkamassa" {
            Some(ProjectStatus::NotStarted)
        } else {
            None
        }
    }

    /// The Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            ProjectStatus::NotStarted => "Ei alkanut",
            ProjectStatus::Active => "Toiminnassa",
            ProjectStatus::Ended => "Päättynyt",
        }
    }

    /// The label in Finnish, Swedish and English.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            ProjectStatus::NotStarted => Text::new("Ei alkanut", "Inte påbörjat", "not started"),
            ProjectStatus::Active => Text::new("Toiminnassa", "Pågående", "active"),
            ProjectStatus::Ended => Text::new("Päättynyt", "Avslutat", "ended"),
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            ProjectStatus::NotStarted => "not started",
            ProjectStatus::Active => "active",
            ProjectStatus::Ended => "ended",
        }
    }
}

/// A status as a document states it — *ilmoitettu tila*: the text, and the day
/// it was true on where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawReportedStatus", into = "RawReportedStatus")]
pub struct ReportedStatus {
    text: String,
    status: ProjectStatus,
    as_of: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReportedStatus {
    text: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::day::json::option"
    )]
    as_of: Option<NaiveDate>,
}

impl TryFrom<RawReportedStatus> for ReportedStatus {
    type Error = String;
    fn try_from(r: RawReportedStatus) -> Result<Self, Self::Error> {
        ReportedStatus::new(&r.text, r.as_of)
            .ok_or_else(|| format!("unknown status text {:?}", r.text))
    }
}

impl From<ReportedStatus> for RawReportedStatus {
    fn from(r: ReportedStatus) -> Self {
        RawReportedStatus {
            text: r.text,
            as_of: r.as_of,
        }
    }
}

impl ReportedStatus {
    /// A stated status; `None` if the text is not one hanke can read.
    ///
    /// ```
    /// use hanke::project::{ReportedStatus, ProjectStatus};
    /// let s = ReportedStatus::new("Toiminta päättynyt", None).unwrap();
    /// assert_eq!(s.status(), ProjectStatus::Ended);
    /// ```
    pub fn new(text: &str, as_of: Option<NaiveDate>) -> Option<ReportedStatus> {
        ProjectStatus::from_text_fi(text).map(|status| ReportedStatus {
            text: text.trim().to_string(),
            status,
            as_of,
        })
    }

    /// The text as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The status the text means.
    pub fn status(&self) -> ProjectStatus {
        self.status
    }

    /// The day the statement was true on, where known.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approx_dates_in_every_form_of_the_seeds() {
        for (s, canon) in [
            ("2020-05-01", "2020-05-01"),
            ("1.5.2020", "2020-05-01"),
            ("01.05.2015", "2015-05-01"),
            ("2024-09", "2024-09"),
            ("9/2024", "2024-09"),
            ("2019", "2019"),
        ] {
            assert_eq!(s.parse::<ApproxDate>().unwrap().to_string(), canon, "{s}");
        }
        for bad in [
            "",
            "2020-13",
            "31.2.2020",
            "13/2020",
            "20",
            "2020-5-1x",
            "1.5.20",
            "x",
        ] {
            assert_eq!(
                bad.parse::<ApproxDate>().unwrap_err().code(),
                "period.invalid_date",
                "{bad}"
            );
        }
        let feb: ApproxDate = "2024-02".parse().unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        let dec: ApproxDate = "2022-12".parse().unwrap();
        assert_eq!(dec.last_day().to_string(), "2022-12-31");
    }

    #[test]
    fn status_from_dates_at_the_boundaries() {
        let p = ProjectPeriod::new("2020-05-01".parse().unwrap(), "2020-09-30".parse().unwrap())
            .unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(p.status_on(d("2020-04-30")), ProjectStatus::NotStarted);
        assert_eq!(p.status_on(d("2020-05-01")), ProjectStatus::Active);
        assert_eq!(p.status_on(d("2020-09-30")), ProjectStatus::Active);
        assert_eq!(p.status_on(d("2020-10-01")), ProjectStatus::Ended);
        // A year-precision period runs to the end of its last year.
        let y = ProjectPeriod::new("2019".parse().unwrap(), "2021".parse().unwrap()).unwrap();
        assert_eq!(y.status_on(d("2021-12-31")), ProjectStatus::Active);
        assert_eq!(y.to_string(), "2019–2021");
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_rejected_from_json_too() {
        let err =
            serde_json::from_str::<ProjectPeriod>(r#"{"start":"2021-01-01","end":"2020-12-31"}"#)
                .unwrap_err();
        assert!(err.to_string().contains("before it starts"), "{err}");
        // Same month at two precisions overlaps: allowed.
        assert!(
            ProjectPeriod::new("2024-09".parse().unwrap(), "2024-09-01".parse().unwrap()).is_ok()
        );
    }
}
