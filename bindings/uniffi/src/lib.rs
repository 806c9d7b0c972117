//! Kotlin and Swift bindings of hanke through uniffi — what a phone app that
//! collects participant data needs, offline: the questionnaire of the period and
//! its validation, attendance and feedback, self-assessment before and after,
//! money and identifiers, and records as the JSON every hanke backend reads.
//!
//! The crate converts and delegates; every rule is the core's. Errors become
//! `HankeException` (Kotlin) / `HankeError` (Swift) with the core's stable code and
//! message, which never carry an identity code.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use hanke::programme::ProgrammePeriod;

mod codes;
mod sync;
// Generated from the catalogue (crates/hanke-checks/tests/bindings.rs), kept as generated.
#[rustfmt::skip]
mod error_codes;

pub use error_codes::*;

uniffi::setup_scaffolding!();

/// A calendar date: `java.time.LocalDate` in Kotlin, an ISO `YYYY-MM-DD` string in
/// Swift (named so as not to shadow Foundation's `Date`).
pub type CalendarDate = NaiveDate;

uniffi::custom_type!(CalendarDate, String, {
    remote,
    // Read by the core's one grammar of a day (`hanke::day::parse_day`), as
    // a day in a CSV file, a workbook or a table is: a year of four digits.
    // Kotlin writes a `LocalDate` before year 0 or after 9999 as `-0001-01-01`
    // or `+10000-01-01` — chrono's parser took those, so such a day reached
    // the core from Kotlin where no file could bring it. It is the
    // function's own coded error, not an internal one: uniffi hands a lift
    // error that is a `HankeError` back as it is.
    try_lift: |text| hanke::day::parse_day(&text).map_err(|why| {
        invalid(
            "argument.date",
            format!("{text} is not a day hanke reads ({why}): a day of the years 0000 to 9999"),
        )
        .into()
    }),
    lower: |date| date.format("%Y-%m-%d").to_string(),
});

/// Every error that crosses to Kotlin and Swift is made here, its message
/// through [`hanke::echo::plain`] (identity codes masked, tags defanged), so
/// that no message can forget it (`crates/hanke/tests/guard.rs`).
fn invalid(code: &str, reason: impl Into<String>) -> HankeError {
    debug_assert!(
        hanke::errors::is_known(code) || codes::BINDING_CODES.iter().any(|c| c.code.code == code),
        "{code} is in neither the core's catalogue nor this binding's codes"
    );
    HankeError::coded(code, hanke::echo::plain(&reason.into()).into_owned())
}

macro_rules! from_core {
    ($($t:ty),*) => {$(
        impl From<$t> for HankeError {
            fn from(e: $t) -> HankeError {
                invalid(e.code(), e.to_string())
            }
        }
    )*};
}

from_core!(
    hanke::MoneyError,
    hanke::ids::IdError,
    hanke::ids::HetuError,
    hanke::project::JsonError,
    hanke::activity::ActivityError,
    hanke::assessment::AssessmentError,
    hanke::participant::ParticipantError,
    hanke::indicator::IndicatorError,
    hanke::choice::ChoiceError,
    hanke::participant::ParticipantJsonError,
    hanke::participant::PseudonymError,
    hanke::sync::SyncError
);

/// A programme period: the core's `hanke::programme::ProgrammePeriod` as it
/// is (no mirror to keep in step). 2007–2013 has no participant rules; a
/// function that needs them refuses it with `rulebook.no_participant_rules`.
#[uniffi::remote(Enum)]
pub enum ProgrammePeriod {
    /// 2007–2013.
    Period2007To2013,
    /// 2014–2020.
    Period2014To2020,
    /// 2021–2027.
    Period2021To2027,
}

fn rules(
    period: ProgrammePeriod,
) -> Result<&'static hanke::rulebook::ParticipantRules, HankeError> {
    Ok(hanke::rulebook::ParticipantRules::for_period(period)?)
}

/// Entry or exit form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FormKind {
    /// Data at entry.
    Entry,
    /// Data at exit.
    Exit,
}

fn form(kind: FormKind) -> hanke::questionnaire::Form {
    match kind {
        FormKind::Entry => hanke::questionnaire::Form::Entry,
        FormKind::Exit => hanke::questionnaire::Form::Exit,
    }
}

/// A text in Finnish, Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Labels {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl From<hanke::lang::Text> for Labels {
    fn from(t: hanke::lang::Text) -> Labels {
        Labels {
            fi: t.fi.to_string(),
            sv: t.sv.to_string(),
            en: t.en.to_string(),
        }
    }
}

/// An allowed answer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Choice {
    /// The code the record stores.
    pub code: String,
    /// The label.
    pub label: Labels,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum AnswerKind {
    /// A date (`YYYY-MM-DD`).
    Date,
    /// One of the choices.
    Choice {
        /// The allowed answers.
        choices: Vec<Choice>,
    },
    /// A municipality code (`297`).
    Municipality,
    /// A personal identity code: key it with a `Pseudonymiser` on the device;
    /// a record never holds it.
    IdentityCode,
}

/// One question of a form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Question {
    /// The id (the participant-file column).
    pub id: String,
    /// The question.
    pub label: Labels,
    /// The answer it takes.
    pub kind: AnswerKind,
    /// Required for a complete record.
    pub required: bool,
    /// Special-category data: asked with consent, may be declined.
    pub sensitive: bool,
    /// A `declined` answer is offered.
    pub may_decline: bool,
    /// Asked only when this question has this answer.
    pub asked_when_question: Option<String>,
    /// The answer that makes the question asked.
    pub asked_when_answer: Option<String>,
}

/// Panics on purpose, inside Rust. It exists so that the test suites can prove
/// that a defect in hanke reaches Kotlin and Swift as an exception
/// (`InternalException` in Kotlin, a thrown error in Swift: uniffi catches
/// every panic at the boundary) and never aborts the app (RELIABILITY.md).
/// Not for use in apps.
#[uniffi::export]
#[allow(clippy::panic)]
pub fn panic_probe() {
    panic!("a deliberate panic from panic_probe");
}

/// The questions of `kind` under the rules of `period`; when the rules change with
/// a period, the form changes with them, without an app release.
#[uniffi::export]
pub fn questionnaire(period: ProgrammePeriod, kind: FormKind) -> Result<Vec<Question>, HankeError> {
    let q = hanke::questionnaire::Questionnaire::new(rules(period)?, form(kind));
    Ok(q.questions
        .iter()
        .map(|x| Question {
            id: x.id.to_string(),
            label: x.label.into(),
            kind: match &x.kind {
                hanke::questionnaire::AnswerKind::Date => AnswerKind::Date,
                hanke::questionnaire::AnswerKind::Choice { choices } => AnswerKind::Choice {
                    choices: choices
                        .iter()
                        .map(|c| Choice {
                            code: c.code.to_string(),
                            label: c.label.into(),
                        })
                        .collect(),
                },
                hanke::questionnaire::AnswerKind::Municipality => AnswerKind::Municipality,
                hanke::questionnaire::AnswerKind::IdentityCode => AnswerKind::IdentityCode,
            },
            required: x.required,
            sensitive: x.sensitive,
            may_decline: x.may_decline,
            asked_when_question: x.asked_when.map(|(q, _)| q.to_string()),
            asked_when_answer: x.asked_when.map(|(_, a)| a.to_string()),
        })
        .collect())
}

/// One answer: a question id and the answer's code or text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Answer {
    /// The question id.
    pub question: String,
    /// The answer.
    pub value: String,
}

/// An answer that cannot be accepted: the core's finding at the question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldError {
    /// The question id.
    pub question: String, // echo-safe: the core's masked finding path
    /// The stable rule id (`QST-REQ-001`, `IMP-CSV-003`, `PART-*`).
    pub rule_id: String, // echo-safe: a rule id of the catalogue
    /// English message.
    pub message_en: String, // echo-safe: made by Finding::new, which masks
    /// Finnish message.
    pub message_fi: String, // echo-safe: made by Finding::new, which masks
    /// Swedish message.
    pub message_sv: String, // echo-safe: made by Finding::new, which masks
}

/// The outcome of answering a form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum FormResult {
    /// The answers make a record: its JSON, as every hanke backend reads it
    /// (identity codes are never in it).
    Accepted {
        /// The participant record.
        participant_json: String,
    },
    /// Every answer that cannot be accepted.
    Rejected {
        /// The errors, per question.
        errors: Vec<FieldError>,
    },
}

fn outcome(
    r: Result<hanke::participant::Participant, Vec<hanke::Finding>>,
) -> Result<FormResult, HankeError> {
    match r {
        // The record's JSON never holds the code: an answered code would
        // vanish from it without a word, so the app is told to key it.
        Ok(p) if p.identity_code.is_some() && p.pseudonym.is_none() => {
            Err(hanke::sync::SyncError::IdentityCodeNotPseudonymised.into())
        }
        Ok(p) => Ok(FormResult::Accepted {
            participant_json: serde_json::to_string(&p)
                .map_err(|e| invalid("json.data", e.to_string()))?,
        }),
        Err(errors) => Ok(FormResult::Rejected {
            errors: errors
                .into_iter()
                .map(|f| FieldError {
                    question: f.path,
                    rule_id: f.rule_id.to_string(),
                    message_en: f.message_en,
                    message_fi: f.message_fi,
                    message_sv: f.message_sv,
                })
                .collect(),
        }),
    }
}

fn pairs(answers: &[Answer]) -> Vec<(&str, &str)> {
    answers
        .iter()
        .map(|a| (a.question.as_str(), a.value.as_str()))
        .collect()
}

/// Validates entry answers offline: a participant record or field errors. An
/// answered identity code needs the app's `pseudonymiser` (the record carries
/// its pseudonym); without one the call fails with
/// `sync.identity_code_not_pseudonymised` rather than drop it.
#[uniffi::export(default(pseudonymiser = None))]
pub fn answer_entry(
    period: ProgrammePeriod,
    participant_id: String,
    answers: Vec<Answer>,
    pseudonymiser: Option<Arc<Pseudonymiser>>,
) -> Result<FormResult, HankeError> {
    let q =
        hanke::questionnaire::Questionnaire::new(rules(period)?, hanke::questionnaire::Form::Entry);
    outcome(
        q.answer_entry(&participant_id, &pairs(&answers))
            .map(|mut p| {
                // An answered identity code is keyed here and dropped; the JSON
                // carries the pseudonym.
                if let Some(keys) = &pseudonymiser
                    && let Some(code) = p.identity_code.take()
                {
                    p.pseudonym = Some(keys.0.pseudonym(&code));
                }
                p
            }),
    )
}

/// Validates exit answers against a participant record (the `participant_json` an
/// accepted entry gave, or any hanke backend's): the updated record or field errors.
#[uniffi::export]
pub fn answer_exit(
    period: ProgrammePeriod,
    participant_json: String,
    answers: Vec<Answer>,
) -> Result<FormResult, HankeError> {
    // The core's strict reader: unknown fields and keys given twice refused.
    let participant = hanke::participant::Participant::from_json_str(&participant_json)
        .map_err(|e| invalid(e.code(), e.to_string()))?;
    let q =
        hanke::questionnaire::Questionnaire::new(rules(period)?, hanke::questionnaire::Form::Exit);
    outcome(q.answer_exit(&participant, &pairs(&answers)))
}

/// An exact amount of money; never a float.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Money {
    /// Whole cents.
    pub cents: i64,
    /// The machine form, `89660.50`.
    pub plain: String,
    /// The Finnish form, `89 660,50 €`.
    pub display: String,
}

/// Reads an amount in any form Finnish documents use (`101 500`, `89 660,50 €`).
#[uniffi::export]
pub fn parse_money(text: String) -> Result<Money, HankeError> {
    let m: hanke::Money = text.parse()?;
    Ok(Money {
        cents: m.cents(),
        plain: m.to_plain_string(),
        display: m.to_string(),
    })
}

/// Checks a business ID (Y-tunnus) and gives its canonical form.
#[uniffi::export]
pub fn validate_business_id(text: String) -> Result<String, HankeError> {
    Ok(text.parse::<hanke::BusinessId>()?.to_string())
}

/// Checks a personal identity code; the error never repeats the code.
#[uniffi::export]
pub fn validate_identity_code(text: String, accept_temporary: bool) -> Result<(), HankeError> {
    if accept_temporary {
        hanke::PersonalIdentityCode::parse_allowing_temporary(&text)?;
    } else {
        text.parse::<hanke::PersonalIdentityCode>()?;
    }
    Ok(())
}

/// Turns identity codes into keyed pseudonyms on the device, so that only the
/// pseudonym is synced and records captured elsewhere are recognised as the
/// same person (the core's `hanke::participant::Pseudonymiser`). The secret is
/// the app's (at least 16 bytes; 32 random bytes recommended), never stored in
/// a record; the same secret and code give the same pseudonym on a phone, the
/// server and in a notebook.
#[derive(uniffi::Object)]
pub struct Pseudonymiser(pub(crate) hanke::participant::Pseudonymiser);

#[uniffi::export]
impl Pseudonymiser {
    /// A pseudonymiser keyed with `secret` (`pseudonym.secret_too_short` below 16 bytes).
    #[uniffi::constructor]
    pub fn new(secret: Vec<u8>) -> Result<Arc<Pseudonymiser>, HankeError> {
        Ok(Arc::new(Pseudonymiser(
            hanke::participant::Pseudonymiser::new(&secret)?,
        )))
    }

    /// The pseudonym (64 hexadecimal digits) of the identity code `code`;
    /// temporary individual numbers (900–999) only with `accept_temporary`.
    /// A refusal never repeats the code.
    pub fn pseudonym(&self, code: String, accept_temporary: bool) -> Result<String, HankeError> {
        Ok(self.0.pseudonym_of(&code, accept_temporary)?.to_string())
    }
}

/// The kind of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ActivityKind {
    /// Individual or group coaching.
    Coaching,
    /// Training.
    Training,
    /// An information event.
    InformationEvent,
    /// A network event.
    NetworkEvent,
    /// A community or small-group activity.
    GroupActivity,
    /// A public event (attendees are not participants).
    PublicEvent,
    /// A meeting or support visit.
    Meeting,
    /// Any other event.
    OtherEvent,
}

fn activity_kind(k: ActivityKind) -> hanke::activity::ActivityKind {
    use hanke::activity::ActivityKind as K;
    match k {
        ActivityKind::Coaching => K::Coaching,
        ActivityKind::Training => K::Training,
        ActivityKind::InformationEvent => K::InformationEvent,
        ActivityKind::NetworkEvent => K::NetworkEvent,
        ActivityKind::GroupActivity => K::GroupActivity,
        ActivityKind::PublicEvent => K::PublicEvent,
        ActivityKind::Meeting => K::Meeting,
        ActivityKind::OtherEvent => K::OtherEvent,
    }
}

/// A phone's activity log: activities with named or head-count attendance and
/// feedback, synced as the JSON every hanke backend reads.
#[derive(uniffi::Object)]
pub struct ActivityRecorder {
    log: Mutex<hanke::activity::ActivityLog>,
}

impl ActivityRecorder {
    fn with<T>(
        &self,
        f: impl FnOnce(&mut hanke::activity::ActivityLog) -> Result<T, HankeError>,
    ) -> Result<T, HankeError> {
        let mut log = self
            .log
            .lock()
            .map_err(|_| invalid("activity.lock", "the activity log is unavailable"))?;
        f(&mut log)
    }

    fn activity(
        log: &mut hanke::activity::ActivityLog,
        index: u32,
    ) -> Result<&mut hanke::activity::Activity, HankeError> {
        log.activities
            .get_mut(index as usize)
            .ok_or_else(|| invalid("activity.index", format!("no activity {index}")))
    }
}

#[uniffi::export]
impl ActivityRecorder {
    /// An empty log.
    #[uniffi::constructor]
    pub fn new() -> Arc<ActivityRecorder> {
        Arc::new(ActivityRecorder {
            log: Mutex::new(hanke::activity::ActivityLog::default()),
        })
    }

    /// A log from its JSON.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<ActivityRecorder>, HankeError> {
        Ok(Arc::new(ActivityRecorder {
            log: Mutex::new(hanke::activity::ActivityLog::from_json_str(&json)?),
        }))
    }

    /// Adds an activity with named attendance; gives its index.
    pub fn add_named(&self, date: CalendarDate, kind: ActivityKind) -> Result<u32, HankeError> {
        self.with(|log| {
            log.activities.push(hanke::activity::Activity::new(
                date,
                activity_kind(kind),
                hanke::activity::Attendance::Named(Vec::new()),
            ));
            u32::try_from(log.activities.len() - 1)
                .map_err(|_| invalid("activity.index", "too many activities"))
        })
    }

    /// Adds an activity counted by head count; gives its index.
    pub fn add_head_count(
        &self,
        date: CalendarDate,
        kind: ActivityKind,
        total: u64,
    ) -> Result<u32, HankeError> {
        self.with(|log| {
            log.activities.push(hanke::activity::Activity::new(
                date,
                activity_kind(kind),
                hanke::activity::Attendance::head_count(total),
            ));
            u32::try_from(log.activities.len() - 1)
                .map_err(|_| invalid("activity.index", "too many activities"))
        })
    }

    /// Records a participant present at a named activity (once per person).
    pub fn record_attendance(&self, index: u32, participant_id: String) -> Result<(), HankeError> {
        let id: hanke::participant::ParticipantId = participant_id.parse()?;
        self.with(|log| Ok(Self::activity(log, index)?.record_attendance(id)?))
    }

    /// Records one feedback answer on the activity's scale (`min..=max`, set on the
    /// first answer).
    pub fn record_feedback(
        &self,
        index: u32,
        min: u8,
        max: u8,
        point: u8,
    ) -> Result<(), HankeError> {
        self.with(|log| {
            let a = Self::activity(log, index)?;
            if a.feedback.is_none() {
                a.feedback = Some(hanke::activity::Feedback::empty(min, max)?);
            }
            match &mut a.feedback {
                Some(f) if f.scale() == (min, max) => Ok(f.record(point)?),
                _ => Err(invalid(
                    "activity.feedback_scale",
                    format!("the activity's feedback is on another scale than {min}–{max}"),
                )),
            }
        })
    }

    /// How many attended activity `index`.
    pub fn attendance(&self, index: u32) -> Result<u64, HankeError> {
        self.with(|log| Ok(Self::activity(log, index)?.attendance.count()))
    }

    /// The log as JSON.
    pub fn to_json(&self) -> Result<String, HankeError> {
        self.with(|log| Ok(log.to_json_string()?))
    }
}

/// One item's answer on a self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ItemAnswer {
    /// The item id.
    pub item: String,
    /// The point on the scale.
    pub value: u8,
}

/// One area's change from entry to exit.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AreaChange {
    /// The area id.
    pub area: String,
    /// The mean at entry, one decimal (`4,5`), `–` without answers.
    pub before: String,
    /// The mean at exit.
    pub after: String,
    /// The change (`+1,5`).
    pub change: String,
}

/// A person's change per area on a self-assessment instrument (its JSON).
#[uniffi::export]
pub fn assessment_change(
    instrument_json: String,
    before: Vec<ItemAnswer>,
    after: Vec<ItemAnswer>,
) -> Result<Vec<AreaChange>, HankeError> {
    use hanke::assessment::{Instrument, Responses};
    let i = Instrument::from_json_str(&instrument_json)?;
    let responses = |answers: &[ItemAnswer]| Responses {
        instrument: i.id.clone(),
        answers: answers.iter().map(|a| (a.item.clone(), a.value)).collect(),
    };
    Ok(i.change(&responses(&before), &responses(&after))?
        .into_iter()
        .map(|c| AreaChange {
            area: c.area,
            before: c.before.to_string(),
            after: c.after.to_string(),
            change: c.change.to_string(),
        })
        .collect())
}

/// Counts of people in disjoint groups, ready to publish: each cell and the
/// total are `null` where suppressed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PublishedCounts {
    /// The counts in the order given; `null` where hidden.
    pub cells: Vec<Option<u64>>,
    /// Their sum; `null` where hidden.
    pub total: Option<u64>,
}

/// Hides counts of fewer than `min_group` people (`null`: the library's
/// default, 10 — Kykyviisari practice; rule `PUB-SMALL-001`) and the second
/// count that would give a lone hidden one away through the total; for a
/// summary shown or shared outside the project.
#[uniffi::export(default(min_group = None))]
pub fn suppress_small_counts(counts: Vec<u64>, min_group: Option<u64>) -> PublishedCounts {
    use hanke::disclosure::SmallNumbers;
    let policy = min_group.map_or_else(SmallNumbers::default, SmallNumbers::new);
    let b = policy.breakdown(&counts);
    PublishedCounts {
        cells: b.cells.iter().map(|c| c.value()).collect(),
        total: b.total.value(),
    }
}

/// Counts by gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct GenderCounts {
    /// Women.
    pub women: u64,
    /// Men.
    pub men: u64,
    /// Non-binary persons (ESF+).
    pub non_binary: u64,
    /// Gender missing or not a category of the period.
    pub unknown: u64,
    /// Everyone.
    pub total: u64,
}

/// What happened to one record in a figure.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RecordOutcome {
    /// Counted.
    Counted,
    /// Entered after the cut-off.
    NotYetEntered,
    /// Left out as incomplete; the fields it lacks (paths).
    Incomplete {
        /// The missing items, e.g. `entry.education`.
        missing: Vec<String>,
    },
    /// The condition does not hold; which part.
    NotMet {
        /// Which part of the condition fails.
        reason: String,
    },
}

/// One record's part in a figure, by participant id and pseudonym (never an
/// identity code).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecordExplanation {
    /// The project's id of the record.
    pub participant_id: String,
    /// Its pseudonym, where it has one.
    pub pseudonym: Option<String>,
    /// What happened to it.
    pub outcome: RecordOutcome,
}

/// How an indicator's value arose: definition, source, cut-off, the value and
/// every record; `text` is the same as readable text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IndicatorExplanation {
    /// The indicator code, e.g. `CR04`.
    pub code: String,
    /// Its definition (English).
    pub definition: String,
    /// Its legal source.
    pub source: String,
    /// The cut-off, if any.
    pub cut_off: Option<CalendarDate>,
    /// The value.
    pub value: GenderCounts,
    /// Every record, in the order given.
    pub records: Vec<RecordExplanation>,
    /// The explanation as text.
    pub text: String,
}

/// One indicator's value — `None` where it is not computed from participant
/// records (entity indicators) or does not apply to the operation (under
/// specific objective (l), the labour-market and education outputs).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IndicatorCount {
    /// The SFC code or annex point.
    pub code: String,
    /// The value by gender.
    pub value: Option<GenderCounts>,
}

/// The common indicators of participant records — *yhteiset indikaattorit*.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IndicatorResult {
    /// The catalogue's code (`esf_2014`, `esf_plus`, `esf_plus_most_deprived`).
    pub catalogue: String,
    /// Every record entered by the cut-off.
    pub grand_total: GenderCounts,
    /// Records left out as incomplete.
    pub incomplete: GenderCounts,
    /// Every indicator of the catalogue, in its order.
    pub indicators: Vec<IndicatorCount>,
}

fn counts(t: hanke::indicator::Tally) -> GenderCounts {
    GenderCounts {
        women: t.women,
        men: t.men,
        non_binary: t.non_binary,
        unknown: t.unknown,
        total: t.total(),
    }
}

/// The common indicators of a catalogue (`esf_2014`, `esf_plus`,
/// `esf_plus_most_deprived`) over participant records (a JSON array, read by
/// the core's strict reader) at `cut_off`, under the period's rules or, with
/// `objective` (a letter of Reg. 2021/1057 Art 4(1): `l`, `(l)`, `ESO4.12`),
/// the rules of an operation under it — the same figures as in Rust and
/// Python (the shared vectors of `tests/vectors/indicators.json`).
#[uniffi::export]
pub fn common_indicators(
    catalogue: String,
    participants_json: String,
    cut_off: Option<CalendarDate>,
    objective: Option<String>,
) -> Result<IndicatorResult, HankeError> {
    let ind = compute_indicators(&catalogue, &participants_json, cut_off, objective)?;
    Ok(IndicatorResult {
        catalogue: ind.catalogue().code().to_string(),
        grand_total: counts(ind.grand_total()),
        incomplete: counts(ind.incomplete()),
        indicators: ind
            .values()
            .map(|v| IndicatorCount {
                code: v.indicator.code.to_string(),
                value: v.value.map(counts),
            })
            .collect(),
    })
}

fn compute_indicators(
    catalogue: &str,
    participants_json: &str,
    cut_off: Option<CalendarDate>,
    objective: Option<String>,
) -> Result<hanke::indicator::CommonIndicators, HankeError> {
    let catalogue: hanke::indicator::Catalogue = catalogue.parse()?;
    let base = hanke::rulebook::ParticipantRules::for_period(catalogue.period())?;
    let rules = match objective {
        Some(o) => base.for_objective(&o)?,
        None => *base,
    };
    let people = hanke::participant::participants_from_json_str(participants_json)?;
    Ok(hanke::indicator::CommonIndicators::compute(
        catalogue, &rules, cut_off, &people,
    )?)
}

/// One column of a result table: the core's values, typed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum TableValues {
    /// Text.
    Text {
        /// The values; `null` where missing.
        values: Vec<Option<String>>,
    },
    /// Signed whole numbers.
    Int {
        /// The values; `null` where missing.
        values: Vec<Option<i64>>,
    },
    /// Counts.
    Count {
        /// The values; `null` where missing.
        values: Vec<Option<u64>>,
    },
    /// Exact amounts, in cents.
    Cents {
        /// The values; `null` where missing.
        values: Vec<Option<i64>>,
    },
    /// Days.
    Date {
        /// The values; `null` where missing.
        values: Vec<Option<CalendarDate>>,
    },
    /// Yes or no.
    Bool {
        /// The values; `null` where missing.
        values: Vec<Option<bool>>,
    },
}

/// A named column of a result table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableColumn {
    /// The column's name, as the core and the Python tables name it.
    pub name: String,
    /// Its values.
    pub values: TableValues,
}

/// A result table, the core's (`hanke::export::table`): the same columns a
/// notebook gets as an Arrow table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResultTable {
    /// What the table holds, e.g. `indicators`.
    pub name: String,
    /// The columns, in order.
    pub columns: Vec<TableColumn>,
}

impl From<hanke::export::table::ResultTable> for ResultTable {
    fn from(t: hanke::export::table::ResultTable) -> ResultTable {
        use hanke::export::table::Values as V;
        ResultTable {
            name: t.name.to_string(),
            columns: t
                .columns
                .into_iter()
                .map(|(name, values)| TableColumn {
                    name: name.to_string(),
                    values: match values {
                        V::Text(values) => TableValues::Text { values },
                        V::Int(values) => TableValues::Int { values },
                        V::Count(values) => TableValues::Count { values },
                        V::Money(v) => TableValues::Cents {
                            values: v.into_iter().map(|m| m.map(|m| m.cents())).collect(),
                        },
                        V::Date(values) => TableValues::Date { values },
                        V::Bool(values) => TableValues::Bool { values },
                    },
                })
                .collect(),
        }
    }
}

/// The common indicators as the core's table (code, names, counts by
/// gender, total, whether the SFC code is verified) — the columns a notebook
/// gets from `Indicators.table()`.
#[uniffi::export]
pub fn common_indicator_table(
    catalogue: String,
    participants_json: String,
    cut_off: Option<CalendarDate>,
    objective: Option<String>,
) -> Result<ResultTable, HankeError> {
    let ind = compute_indicators(&catalogue, &participants_json, cut_off, objective)?;
    Ok(hanke::export::table::ResultTable::indicators(&ind).into())
}

/// Every rule hanke checks as the core's table (id, severity, titles in
/// three languages, source).
#[uniffi::export]
pub fn rule_table() -> ResultTable {
    hanke::errors::rule_table().into()
}

/// Explains the common indicator `code` over participant records (a JSON array,
/// as `answerEntry`/`answerExit` give them) at `cut_off`, by the period's own
/// catalogue — the same answer as in Rust and Python; with `objective` (`l`),
/// under the rules of an operation under that ESF+ specific objective.
#[uniffi::export(default(objective = None))]
pub fn explain_indicator(
    period: ProgrammePeriod,
    code: String,
    participants_json: String,
    cut_off: Option<CalendarDate>,
    objective: Option<String>,
) -> Result<IndicatorExplanation, HankeError> {
    let rules = &match objective {
        Some(o) => rules(period)?.for_objective(&o)?,
        None => *rules(period)?,
    };
    let people: Vec<hanke::participant::Participant> = serde_json::from_str(&participants_json)
        .map_err(|e| invalid("json.data", e.to_string()))?;
    let catalogue = hanke::indicator::Catalogue::for_period(rules.period)
        .ok_or_else(|| invalid("indicator.catalogue", "no catalogue for the period"))?;
    let why = hanke::indicator::CommonIndicators::new(catalogue, rules, cut_off)?
        .explain(&code, &people)?;
    let v = why.value;
    Ok(IndicatorExplanation {
        code: why.indicator.code.to_string(),
        definition: why.indicator.definition.to_string(),
        source: why.indicator.source.to_string(),
        cut_off: why.cut_off,
        value: GenderCounts {
            women: v.women,
            men: v.men,
            non_binary: v.non_binary,
            unknown: v.unknown,
            total: v.total(),
        },
        records: why
            .records
            .iter()
            .map(|r| RecordExplanation {
                participant_id: r.participant.to_string(),
                pseudonym: r.pseudonym.map(|p| p.to_string()),
                outcome: match &r.outcome {
                    hanke::indicator::Outcome::Counted => RecordOutcome::Counted,
                    hanke::indicator::Outcome::NotYetEntered => RecordOutcome::NotYetEntered,
                    hanke::indicator::Outcome::Incomplete { missing } => {
                        RecordOutcome::Incomplete {
                            missing: missing.iter().map(|f| f.path().to_string()).collect(),
                        }
                    }
                    hanke::indicator::Outcome::NotMet { reason } => RecordOutcome::NotMet {
                        reason: reason.clone(),
                    },
                },
            })
            .collect(),
        text: why.to_text(),
    })
}
