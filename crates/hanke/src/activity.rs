//! Activities — *toiminnot*: events, sessions and trainings a project organises,
//! with their attendance and feedback, and the figures computed from them.
//!
//! Attendance is either **named** (the participants who were there, by
//! [`ParticipantId`]) or a **head count** with optional breakdowns (e.g. by
//! sector). Attendees of information events and public events are *not* ESF
//! participants: "tiedotustilaisuuksiin osallistuvat henkilöt" are excluded from
//! participants by the Finnish guidance (rakennerahastot.fi, *ESR-hankkeeseen
//! osallistuvia henkilöitä koskevat tiedot*; RULES.md §1.1). hanke therefore keeps
//! activities and [`Participant`](crate::participant::Participant) records apart:
//! a head count never becomes a participant, and a name on an attendance list is
//! a participant only if the project has a participant record for that id.
//!
//! ```
//! use chrono::NaiveDate;
//! use hanke::activity::{Activity, ActivityKind, ActivityLog, ActivityMeasure, Attendance, Feedback, Measure};
//!
//! let day = NaiveDate::from_ymd_opt(2018, 5, 3).unwrap();
//! let mut a = Activity::new(day, ActivityKind::NetworkEvent, Attendance::head_count(40));
//! a.feedback = Some(Feedback::new(1, 4, vec![0, 1, 5, 4])?);
//! let log = ActivityLog { activities: vec![a] };
//! let m = ActivityMeasure { kinds: vec![ActivityKind::NetworkEvent], measure: Measure::FeedbackMean };
//! assert_eq!(log.figure(&m, None).to_string(), "3,3");
//! # Ok::<(), hanke::activity::ActivityError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::finding::{Finding, rules};
use crate::participant::ParticipantId;

/// The kind of an activity — *toiminnan tyyppi*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A coaching session — *valmennuskerta*.
    Coaching,
    /// A training — *koulutus*.
    Training,
    /// An information event — *infotilaisuus*; attendees are not participants.
    InformationEvent,
    /// A network event for organisations — *verkostotilaisuus*.
    NetworkEvent,
    /// A community or small-group activity — *yhteisö- tai pienryhmätapahtuma*.
    GroupActivity,
    /// A public event — *yleisötapahtuma*; attendees are not participants.
    PublicEvent,
    /// A meeting or support visit — *tapaaminen, tukikäynti*.
    Meeting,
    /// Any other event — *muu tapahtuma*.
    OtherEvent,
}

impl ActivityKind {
    /// Every kind.
    pub const ALL: [ActivityKind; 8] = [
        ActivityKind::Coaching,
        ActivityKind::Training,
        ActivityKind::InformationEvent,
        ActivityKind::NetworkEvent,
        ActivityKind::GroupActivity,
        ActivityKind::PublicEvent,
        ActivityKind::Meeting,
        ActivityKind::OtherEvent,
    ];

    /// The Finnish name.
    pub fn name_fi(self) -> &'static str {
        match self {
            ActivityKind::Coaching => "valmennuskerta",
            ActivityKind::Training => "koulutus",
            ActivityKind::InformationEvent => "infotilaisuus",
            ActivityKind::NetworkEvent => "verkostotilaisuus",
            ActivityKind::GroupActivity => "yhteisö- tai pienryhmätapahtuma",
            ActivityKind::PublicEvent => "yleisötapahtuma",
            ActivityKind::Meeting => "tapaaminen",
            ActivityKind::OtherEvent => "muu tapahtuma",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            ActivityKind::Coaching => "coaching session",
            ActivityKind::Training => "training",
            ActivityKind::InformationEvent => "information event",
            ActivityKind::NetworkEvent => "network event",
            ActivityKind::GroupActivity => "community or small-group activity",
            ActivityKind::PublicEvent => "public event",
            ActivityKind::Meeting => "meeting",
            ActivityKind::OtherEvent => "other event",
        }
    }
}

/// Who attended — *osallistuminen*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Attendance {
    /// Named attendance: the participant ids of those present.
    Named(Vec<ParticipantId>),
    /// A head count, with optional breakdowns by a category (e.g. sector):
    /// `{"total": 40, "by": {"third_sector": 24, "public": 16}}`.
    HeadCount {
        /// Everyone present.
        total: u64,
        /// Counts by category; their sum may be below the total (not everyone
        /// said), never above it.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        by: BTreeMap<String, u64>,
    },
}

impl Attendance {
    /// A head count without breakdown.
    pub fn head_count(total: u64) -> Attendance {
        Attendance::HeadCount {
            total,
            by: BTreeMap::new(),
        }
    }

    /// How many attended: each named person once, however often listed
    /// (as [`Activity::record_attendance`] records them; the log's check
    /// reports a repeated name, `ACT-NAMED-001`).
    ///
    /// ```
    /// use hanke::activity::Attendance;
    /// let a = Attendance::Named(vec!["P1".parse()?, "P1".parse()?, "P2".parse()?]);
    /// assert_eq!(a.count(), 2);
    /// # Ok::<(), hanke::participant::ParticipantError>(())
    /// ```
    pub fn count(&self) -> u64 {
        match self {
            Attendance::Named(ids) => ids.iter().collect::<BTreeSet<_>>().len() as u64,
            Attendance::HeadCount { total, .. } => *total,
        }
    }
}

/// Why feedback cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ActivityError {
    /// The scale's bounds are reversed or the counts do not match its points.
    #[error("a feedback scale {min}–{max} needs {expected} counts, got {got}")]
    FeedbackScale {
        /// Lowest point.
        min: u8,
        /// Highest point.
        max: u8,
        /// Counts the scale needs.
        expected: usize,
        /// Counts given.
        got: usize,
    },
    /// An activity file that cannot be read.
    #[error("activity file: {0}")]
    Json(crate::Echo),
    /// A feedback answer outside the scale.
    #[error("feedback {point} is outside the scale {min}–{max}")]
    PointOutsideScale {
        /// The answer.
        point: u8,
        /// Lowest point.
        min: u8,
        /// Highest point.
        max: u8,
    },
    /// A named attendee recorded at an activity counted by head count.
    #[error("the activity is counted by head count; named attendees cannot be added")]
    NotNamed,
}

error_codes! {
    ActivityError {
        ActivityError::FeedbackScale { .. } => "activity.feedback_scale": "The scale's bounds are reversed or the counts do not match its points.",
        ActivityError::Json(_) => "activity.json": "An activity file that cannot be read.",
        ActivityError::PointOutsideScale { .. } => "activity.point_outside_scale": "A feedback answer outside the scale.",
        ActivityError::NotNamed => "activity.not_named": "A named attendee recorded at an activity counted by head count.",
    }
}

/// Feedback on a scale — *palaute*: how many answered each point from `min` to
/// `max` (e.g. 1–4, 1 = heikko … 4 = kiitettävä). Stored as counts so that means
/// over many events are exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FeedbackRepr", into = "FeedbackRepr")]
pub struct Feedback {
    min: u8,
    max: u8,
    counts: Vec<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedbackRepr {
    min: u8,
    max: u8,
    counts: Vec<u64>,
}

impl TryFrom<FeedbackRepr> for Feedback {
    type Error = ActivityError;
    fn try_from(r: FeedbackRepr) -> Result<Self, Self::Error> {
        Feedback::new(r.min, r.max, r.counts)
    }
}

impl From<Feedback> for FeedbackRepr {
    fn from(f: Feedback) -> Self {
        FeedbackRepr {
            min: f.min,
            max: f.max,
            counts: f.counts,
        }
    }
}

impl Feedback {
    /// Feedback on the scale `min..=max` with one count per point.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "max ≥ min is checked; a u8 difference plus one fits usize"
    )]
    pub fn new(min: u8, max: u8, counts: Vec<u64>) -> Result<Feedback, ActivityError> {
        let expected = if max >= min {
            usize::from(max - min) + 1
        } else {
            0
        };
        if expected == 0 || counts.len() != expected {
            return Err(ActivityError::FeedbackScale {
                min,
                max,
                expected,
                got: counts.len(),
            });
        }
        Ok(Feedback { min, max, counts })
    }

    /// The scale.
    pub fn scale(&self) -> (u8, u8) {
        (self.min, self.max)
    }

    /// No answers yet on the scale `min..=max` (fails on a reversed scale).
    ///
    /// ```
    /// let mut f = hanke::activity::Feedback::empty(1, 4)?;
    /// f.record(4)?;
    /// f.record(3)?;
    /// assert_eq!(f.counts(), [0, 0, 1, 1]);
    /// assert_eq!(f.record(5).unwrap_err().code(), "activity.point_outside_scale");
    /// # Ok::<(), hanke::activity::ActivityError>(())
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "max ≥ min is checked; a u8 difference plus one fits usize"
    )]
    pub fn empty(min: u8, max: u8) -> Result<Feedback, ActivityError> {
        let points = if max >= min {
            usize::from(max - min) + 1
        } else {
            0
        };
        Feedback::new(min, max, vec![0; points])
    }

    /// Records one answer (a point on the scale), as a phone app collects them.
    pub fn record(&mut self, point: u8) -> Result<(), ActivityError> {
        let outside = ActivityError::PointOutsideScale {
            point,
            min: self.min,
            max: self.max,
        };
        let i = usize::from(point.checked_sub(self.min).ok_or(outside.clone())?);
        let slot = self.counts.get_mut(i).ok_or(outside)?;
        *slot = slot.saturating_add(1);
        Ok(())
    }

    /// Answers per point, from `min` up.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// (sum of points, number of answers).
    fn sums(&self) -> (u64, u64) {
        self.counts
            .iter()
            .zip(u64::from(self.min)..)
            .fold((0u64, 0u64), |(s, n), (&c, point)| {
                (
                    s.saturating_add(c.saturating_mul(point)),
                    n.saturating_add(c),
                )
            })
    }
}

/// One activity — *toiminto*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Activity {
    /// The day it took place.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// Its kind.
    pub kind: ActivityKind,
    /// A name or theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who attended.
    pub attendance: Attendance,
    /// Feedback collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

impl Activity {
    /// Records a participant as present (named attendance); a second record of the
    /// same person is not counted twice. Fails on a head-counted activity.
    ///
    /// ```
    /// use hanke::activity::{Activity, ActivityKind, Attendance};
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 5, 3).unwrap();
    /// let mut a = Activity::new(day, ActivityKind::Coaching, Attendance::Named(vec![]));
    /// a.record_attendance("P-1".parse().unwrap())?;
    /// a.record_attendance("P-1".parse().unwrap())?;
    /// assert_eq!(a.attendance.count(), 1);
    /// # Ok::<(), hanke::activity::ActivityError>(())
    /// ```
    pub fn record_attendance(&mut self, participant: ParticipantId) -> Result<(), ActivityError> {
        match &mut self.attendance {
            Attendance::Named(ids) => {
                if !ids.contains(&participant) {
                    ids.push(participant);
                }
                Ok(())
            }
            Attendance::HeadCount { .. } => Err(ActivityError::NotNamed),
        }
    }

    /// An activity without name or feedback.
    pub fn new(date: NaiveDate, kind: ActivityKind, attendance: Attendance) -> Activity {
        Activity {
            date,
            kind,
            name: None,
            attendance,
            feedback: None,
        }
    }
}

/// What to compute over activities — *mittari*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    /// The number of activities.
    Activities,
    /// Attendances: head counts plus named attendees (a person at two events
    /// counts twice).
    Attendances,
    /// Distinct named attendees.
    DistinctAttendees,
    /// The share (%) of one breakdown category in the head counts of the
    /// activities that have a breakdown.
    Share {
        /// The category, e.g. `third_sector`.
        category: String,
    },
    /// The mean feedback on the activities' scale.
    FeedbackMean,
}

/// A measure over the activities of some kinds (all kinds if `kinds` is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ActivityMeasure {
    /// The kinds counted; empty = every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub kinds: Vec<ActivityKind>,
    /// What is computed: `"activities"`, `"attendances"`, `"distinct_attendees"`,
    /// `"feedback_mean"` or `{"share": {"category": "third_sector"}}`.
    pub measure: Measure,
}

/// A computed figure — *luku*: a count, a percentage or a mean, kept exact
/// (numerator and denominator) and shown with one decimal where it is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Figure {
    /// A count.
    Count {
        /// The count.
        value: u64,
    },
    /// A percentage `part / whole × 100`.
    Percent {
        /// The part.
        part: u64,
        /// The whole.
        whole: u64,
    },
    /// A mean `sum / n`.
    Mean {
        /// The sum of values.
        sum: u64,
        /// The number of values.
        n: u64,
    },
    /// Nothing to compute from (no answers, no breakdowns).
    None,
    /// The counts add up past the largest count hanke holds (2⁶⁴ − 1): the
    /// data are wrong, and the log's check says where (`ACT-HEAD-002`). Never
    /// a wrapped-around or capped number.
    Overflow,
}

impl Figure {
    /// The value in tenths, rounded half up (`None` for [`Figure::None`] and
    /// division by zero).
    pub fn tenths(&self) -> Option<u128> {
        let (num, den) = match *self {
            Figure::Count { value } => (u128::from(value) * 10, 1),
            Figure::Percent { part, whole } => (u128::from(part) * 1000, u128::from(whole)),
            Figure::Mean { sum, n } => (u128::from(sum) * 10, u128::from(n)),
            Figure::None | Figure::Overflow => return None,
        };
        if den == 0 {
            return None;
        }
        // u64 × 1 000 × 2 + u64 fits u128 many times over; den ≠ 0.
        num.saturating_mul(2)
            .saturating_add(den)
            .checked_div(den.saturating_mul(2))
    }

    /// The count, for count figures.
    pub fn count(&self) -> Option<u64> {
        match self {
            Figure::Count { value } => Some(*value),
            _ => None,
        }
    }
}

impl fmt::Display for Figure {
    /// Finnish style: a count as is, otherwise one decimal with a comma
    /// (`3,3`, `60,0 %`), `–` when there is nothing to compute from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.tenths()) {
            (Figure::Count { value }, _) => write!(f, "{value}"),
            (Figure::Percent { .. }, Some(t)) => write!(f, "{},{} %", t / 10, t % 10),
            (Figure::Mean { .. }, Some(t)) => write!(f, "{},{}", t / 10, t % 10),
            (Figure::Overflow, _) => f.write_str("overflow"),
            _ => f.write_str("–"),
        }
    }
}

/// A project's activities — *toimintaloki*. The JSON form is
/// `{"activities": [{"date": "2018-05-03", "kind": "network_event",
/// "attendance": {"head_count": {"total": 40}}}]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ActivityLog {
    /// The activities, in any order.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub activities: Vec<Activity>,
}

impl ActivityLog {
    /// The JSON form [`ActivityLog::from_json_str`] reads (for syncing a phone's
    /// records to any backend that uses hanke).
    pub fn to_json_string(&self) -> Result<String, ActivityError> {
        serde_json::to_string_pretty(self).map_err(|e| ActivityError::Json(e.to_string().into()))
    }

    /// Reads the JSON form; errors name the field path.
    pub fn from_json_str(text: &str) -> Result<ActivityLog, ActivityError> {
        let text = crate::json::without_bom(text);
        crate::json::check_duplicate_keys(text)
            .map_err(|e| ActivityError::Json(crate::error_code::json_message(&e)))?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let log = serde_path_to_error::deserialize(&mut *de)
            .map_err(|e| ActivityError::Json(crate::error_code::json_message(&e)))?;
        // Nothing after the value.
        de.end()
            .map_err(|e| ActivityError::Json(crate::Echo::message(&e.to_string())))?;
        Ok(log)
    }

    /// The activities of `kinds` (all if empty) on or before `cut_off`.
    fn selected<'a>(
        &'a self,
        kinds: &'a [ActivityKind],
        cut_off: Option<NaiveDate>,
    ) -> impl Iterator<Item = &'a Activity> + 'a {
        self.activities.iter().filter(move |a| {
            (kinds.is_empty() || kinds.contains(&a.kind)) && cut_off.is_none_or(|c| a.date <= c)
        })
    }

    /// Computes a measure cumulatively to `cut_off` (`None`: everything).
    pub fn figure(&self, m: &ActivityMeasure, cut_off: Option<NaiveDate>) -> Figure {
        let mut acts = self.selected(&m.kinds, cut_off);
        match &m.measure {
            Measure::Activities => Figure::Count {
                value: acts.count() as u64,
            },
            Measure::Attendances => acts
                .try_fold(0u64, |sum, a| sum.checked_add(a.attendance.count()))
                .map_or(Figure::Overflow, |value| Figure::Count { value }),
            Measure::DistinctAttendees => {
                let mut seen: BTreeSet<&ParticipantId> = BTreeSet::new();
                for a in acts {
                    if let Attendance::Named(ids) = &a.attendance {
                        seen.extend(ids.iter());
                    }
                }
                Figure::Count {
                    value: seen.len() as u64,
                }
            }
            Measure::Share { category } => {
                let mut sums = Some((0u64, 0u64));
                for a in acts {
                    if let Attendance::HeadCount { total, by } = &a.attendance {
                        if !by.is_empty() {
                            sums = sums.and_then(|(part, whole)| {
                                Some((
                                    part.checked_add(by.get(category).copied().unwrap_or(0))?,
                                    whole.checked_add(*total)?,
                                ))
                            });
                        }
                    }
                }
                match sums {
                    None => Figure::Overflow,
                    Some((_, 0)) => Figure::None,
                    Some((part, whole)) => Figure::Percent { part, whole },
                }
            }
            Measure::FeedbackMean => {
                let sums = acts
                    .filter_map(|a| a.feedback.as_ref())
                    .map(Feedback::sums)
                    .try_fold((0u64, 0u64), |(s, n), (a, b)| {
                        Some((s.checked_add(a)?, n.checked_add(b)?))
                    });
                match sums {
                    None => Figure::Overflow,
                    Some((_, 0)) => Figure::None,
                    Some((sum, n)) => Figure::Mean { sum, n },
                }
            }
        }
    }

    /// Checks the log: breakdowns above their head count (`ACT-001`), feedback on
    /// different scales mixed in one kind (`ACT-002`).
    pub fn check(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut scales: BTreeMap<ActivityKind, (u8, u8)> = BTreeMap::new();
        let mut attendances = Some(0u64);
        for (i, a) in self.activities.iter().enumerate() {
            attendances = attendances.and_then(|n| n.checked_add(a.attendance.count()));
            if attendances.is_none() {
                out.push(
                    Finding::new(
                        &rules::ACTIVITY_COUNT_OVERFLOW,
                        format!("activities[{i}].attendance"),
                        "the attendances up to this activity add up past the largest count (2⁶⁴ − 1); check the head counts",
                        "osallistumiskerrat tähän toimintoon asti ylittävät suurimman luvun (2⁶⁴ − 1); tarkista henkilömäärät", "deltagandena fram till denna aktivitet summerar över det största talet (2⁶⁴ − 1); kontrollera antalen"),
                );
                attendances = Some(0);
            }
            if let Attendance::Named(ids) = &a.attendance {
                let mut times: BTreeMap<&ParticipantId, usize> = BTreeMap::new();
                for id in ids {
                    let n = times.entry(id).or_insert(0);
                    *n = n.saturating_add(1);
                }
                for (id, n) in times.into_iter().filter(|(_, n)| *n > 1) {
                    out.push(Finding::new(
                        &rules::ACTIVITY_NAMED_TWICE,
                        format!("activities[{i}].attendance.named"),
                        format!("{id} is listed {n} times; counted once"),
                        format!("{id} on merkitty {n} kertaa; lasketaan kerran"),
                        format!("{id} är antecknad {n} gånger; räknas en gång"),
                    ));
                }
            }
            if let Attendance::HeadCount { total, by } = &a.attendance {
                let sum = by.values().fold(0u64, |s, v| s.saturating_add(*v));
                if sum > *total {
                    out.push(Finding::new(
                        &rules::ACTIVITY_BREAKDOWN_ABOVE_TOTAL,
                        format!("activities[{i}].attendance.head_count.by"),
                        format!("the breakdown adds up to {sum}, more than the {total} present"),
                        format!("erittely on yhteensä {sum}, enemmän kuin paikalla olleet {total}"),
                        format!("fördelningen summerar till {sum}, fler än de {total} närvarande"),
                    ));
                }
            }
            if let Some(fb) = &a.feedback {
                let scale = fb.scale();
                match scales.get(&a.kind) {
                    Some(&first) if first != scale => out.push(Finding::new(
                        &rules::ACTIVITY_FEEDBACK_SCALES_MIXED,
                        format!("activities[{i}].feedback"),
                        format!(
                            "feedback on a {}–{} scale among {} on a {}–{} scale cannot be averaged",
                            scale.0, scale.1, a.kind.name_en(), first.0, first.1
                        ),
                        format!(
                            "asteikon {}–{} palautetta ei voi keskiarvoistaa asteikon {}–{} palautteen kanssa",
                            scale.0, scale.1, first.0, first.1
                        ), format!(
                        "respons på skalan {}–{} kan inte medelvärdesberäknas med respons på skalan {}–{}",
                        scale.0, scale.1, first.0, first.1
                    ))),
                    Some(_) => {}
                    None => {
                        scales.insert(a.kind, scale);
                    }
                }
            }
        }
        out
    }
}
