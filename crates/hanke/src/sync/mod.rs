//! Offline capture and sync of participant records — *osallistujatietojen
//! synkronointi*: a record an app captures on a phone, edits offline and
//! reconciles with the server's copy, without ever overwriting an answer
//! silently (issue 26, ADR 0022).
//!
//! A [`SyncRecord`] holds what the participant file holds, column by column,
//! in the file's canonical text (the same reader reads it, so `Nainen` and
//! `woman` are one value and never a false conflict), with:
//!
//! - a record id stable across devices (the [`ParticipantId`]; an app that
//!   makes ids on the device uses 32 hexadecimal digits of a random UUID);
//! - for every field the [`Stamp`] of its last change: when (UTC), by whom —
//!   a [`Source`], a role or a device id, never a person's name — and under
//!   which edition of the forms ([`FormVersion`]) the answer was given;
//! - the audit trail of every change ([`Change`]: field, old and new value,
//!   stamp) that a coordinator can read;
//! - never the identity code: [`SyncRecord::capture`] keys it into a pseudonym
//!   with the app's [`Pseudonymiser`] (the secret stays with the app) or
//!   refuses the record.
//!
//! [`merge`] reconciles three versions (common ancestor, local, remote); see
//! its module for the rules. [`SyncRecord::revalidate`] reads a record under
//! the current rules and says, for every finding, which form edition the
//! answer was given under.
//!
//! ```
//! use hanke::programme::ProgrammePeriod;
//! use hanke::questionnaire::{Form, Questionnaire};
//! use hanke::rulebook::Rulebook;
//! use hanke::participant::Pseudonymiser;
//! use hanke::sync::{SyncRecord, Stamp};
//!
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
//! let form = Questionnaire::new(rules, Form::Entry);
//! let answers = [("entry_date", "2024-03-01"), ("identity_code", "010190-900P"),
//!     ("birth_date", "1990-01-01"), ("gender", "woman"), ("labour_status", "inactive"), ("education", "3")];
//! let participant = form.answer_entry("0f8e3c1a9b2d4e6f8a0b1c2d3e4f5a6b", &answers).unwrap();
//! let keys = Pseudonymiser::new(b"the app's secret, 16+ bytes")?;
//! let stamp: Stamp = Stamp::new("2024-03-01T09:30:00Z", "device:phone-7", form.version())?;
//! let record = SyncRecord::capture(&participant, rules, &stamp, Some(&keys))?;
//! assert!(record.value("identity_code").is_none());      // never held
//! assert_eq!(record.value("pseudonym").map(str::len), Some(64));
//! assert!(!record.to_json()?.contains("010190"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod merge;
mod record;

pub use merge::{Conflict, MergeOutcome, Side, Version, merge};
pub use record::{AnsweredFinding, Change, FieldState, SyncRecord};

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::Echo;
use crate::Finding;
use crate::participant::fields::Column;
use crate::questionnaire::FormVersion;

pub use crate::participant::{ParticipantId, Pseudonymiser};

/// Why a sync operation was refused. Messages never hold an identity code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// An identity code was answered and no pseudonymiser was given: a record
    /// never holds the code, and dropping it silently would lose the person's
    /// link.
    #[error(
        "an identity code was answered: give the app's Pseudonymiser so that the record holds its pseudonym (the code itself is never stored)"
    )]
    IdentityCodeNotPseudonymised,
    /// The record was given a pseudonym that is not the pseudonym of the
    /// identity code answered with it.
    #[error("the record's pseudonym is not the pseudonym of the identity code answered")]
    PseudonymMismatch,
    /// A stamp's form edition belongs to another programme period than the record.
    #[error("the stamp's form {form} is not of the record's period {period}")]
    FormOfOtherPeriod {
        /// The stamp's form version.
        form: FormVersion,
        /// The record's period, e.g. `2021-2027`.
        period: String, // echo-safe: a programme period's years, written by hanke
    },
    /// A time without an offset, or not a time (RFC 3339 with `Z` or `+02:00`).
    #[error(
        "a change time is an RFC 3339 time with its offset, e.g. 2024-03-01T09:30:00Z or 2024-03-01T11:30:00+02:00 (got {given})"
    )]
    InvalidTime {
        /// The text, masked.
        given: Echo,
    },
    /// A source that is not `role:<role>` or `device:<id>`.
    #[error(
        "a change source is role:<participant|project_worker|coordinator|import|server> or device:<1–64 letters, digits, - or _> (got {given})"
    )]
    InvalidSource {
        /// The text, masked.
        given: Echo,
    },
    /// A field name that is not a column of the participant file (or is the
    /// identity code, which a record never holds).
    #[error("{given} is not a field of a synced participant record")]
    UnknownField {
        /// The name, masked.
        given: Echo,
    },
    /// Answers the participant reader refused, per field.
    #[error("{} answer(s) refused: {}", findings.len(), findings.iter().map(|f| format!("{} ({}: {})", f.path, f.rule_id, f.message_en)).collect::<Vec<_>>().join("; "))]
    Answers {
        /// The reader's findings, located at the fields.
        findings: Vec<Finding>,
    },
    /// The record is deleted: it takes no edits.
    #[error("the record is deleted")]
    Deleted,
    /// A re-entry on a record without an exit before the re-entry day.
    #[error("a re-entry needs an exit before its day on the record")]
    ReentryWithoutExit,
    /// Versions of different records (ids or periods) given to one merge.
    #[error("the three versions of a merge must be one record (same id and period)")]
    DifferentRecords,
    /// A merge outcome taken as a record while conflicts are unresolved.
    #[error("{count} merge conflict(s) unresolved: resolve each before taking the record")]
    Unresolved {
        /// How many.
        count: usize,
    },
    /// A conflict index out of range, or of a conflict already resolved.
    #[error("no unresolved conflict number {index}")]
    NoSuchConflict {
        /// The index given.
        index: usize,
    },
    /// A side of a merge that is not `local` or `remote`.
    #[error("a side of a merge is \"local\" or \"remote\" (got {given})")]
    InvalidSide {
        /// The text, masked.
        given: Echo,
    },
    /// A record that is not valid JSON of the sync form.
    #[error("synced record: {0}")]
    Json(Echo),
}

error_codes! {
    SyncError {
        SyncError::IdentityCodeNotPseudonymised => "sync.identity_code_not_pseudonymised": "An identity code was answered and no pseudonymiser was given; a record never holds the code.",
        SyncError::PseudonymMismatch => "sync.pseudonym_mismatch": "The record's pseudonym is not the pseudonym of the identity code answered with it.",
        SyncError::FormOfOtherPeriod { .. } => "sync.form_of_other_period": "A stamp's form edition belongs to another programme period than the record.",
        SyncError::InvalidTime { .. } => "sync.invalid_time": "A change time that is not an RFC 3339 time with its offset.",
        SyncError::InvalidSource { .. } => "sync.invalid_source": "A change source that is not role:<role> or device:<id>.",
        SyncError::UnknownField { .. } => "sync.unknown_field": "A field that is not a column of the participant file, or the identity code.",
        SyncError::Answers { .. } => "sync.answers_rejected": "Answers the participant reader refused; the findings say which and why.",
        SyncError::Deleted => "sync.deleted": "An edit of a deleted record.",
        SyncError::ReentryWithoutExit => "sync.reentry_without_exit": "A re-entry on a record without an exit before the re-entry day.",
        SyncError::DifferentRecords => "sync.different_records": "Versions of different records given to one merge.",
        SyncError::Unresolved { .. } => "sync.unresolved": "A merge outcome taken as a record while conflicts are unresolved.",
        SyncError::NoSuchConflict { .. } => "sync.no_such_conflict": "A conflict index out of range or already resolved.",
        SyncError::InvalidSide { .. } => "sync.invalid_side": "A side of a merge that is not local or remote.",
        SyncError::Json(..) => "sync_record.json": "A synced record that is not valid JSON of the sync form.",
    }
}

/// The role of whoever made a change — *rooli*. A closed set: a role says
/// what kind of actor changed a value without naming a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The participant, in self-service (EURA 2021's eura2021.fi/osallistuja).
    Participant,
    /// A project worker entering data with the participant.
    ProjectWorker,
    /// The project coordinator (e.g. resolving a merge conflict).
    Coordinator,
    /// A file import.
    Import,
    /// The server (a merge, a migration).
    Server,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::Participant,
        Role::ProjectWorker,
        Role::Coordinator,
        Role::Import,
        Role::Server,
    ];

    /// The code: `participant`, `project_worker`, `coordinator`, `import`, `server`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::ProjectWorker => "project_worker",
            Role::Coordinator => "coordinator",
            Role::Import => "import",
            Role::Server => "server",
        }
    }
}

/// Who made a change — *muutoksen lähde*: a [`Role`] or a device id, never a
/// person's name. Written `role:coordinator` or `device:phone-7`. A device id
/// is 1–64 ASCII letters, digits, `-` or `_` (no spaces, so not a name as
/// people write one) and never has the shape of an identity code; apps use a
/// random installation id.
///
/// ```
/// use hanke::sync::Source;
/// let s: Source = "device:3f2a-tablet".parse()?;
/// assert_eq!(s.to_string(), "device:3f2a-tablet");
/// assert!("Matti Meikäläinen".parse::<Source>().is_err());
/// assert!("device:010190-900P".parse::<Source>().is_err());
/// # Ok::<(), hanke::sync::SyncError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A role.
    Role(Role),
    /// A device, by its id.
    Device(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Role(r) => write!(f, "role:{}", r.code()),
            Source::Device(d) => write!(f, "device:{d}"),
        }
    }
}

impl FromStr for Source {
    type Err = SyncError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SyncError::InvalidSource {
            given: Echo::new(s),
        };
        let t = s.trim();
        if let Some(role) = t.strip_prefix("role:") {
            return Role::ALL
                .into_iter()
                .find(|r| r.code() == role)
                .map(Source::Role)
                .ok_or_else(err);
        }
        let id = t.strip_prefix("device:").ok_or_else(err)?;
        let shaped = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !shaped || crate::ids::holds_identity_code(id) {
            return Err(err());
        }
        Ok(Source::Device(id.to_string()))
    }
}

serde_as_string!(Source);

/// When a change was made, in UTC — *muutosaika*. Read from RFC 3339 text with
/// its offset (`…Z`, `…+02:00`); a time without one is refused rather than
/// read in some time zone, which would move changes across midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Instant(DateTime<Utc>);

impl Instant {
    /// The time in UTC.
    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl FromStr for Instant {
    type Err = SyncError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(s.trim())
            .map(|t| Instant(t.with_timezone(&Utc)))
            .map_err(|_| SyncError::InvalidTime {
                given: Echo::new(s),
            })
    }
}

serde_as_string!(Instant);

/// The stamp of a change — *muutosleima*: when, by whom, and under which edition
/// of the period's forms the answer was given.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// When.
    pub at: Instant,
    /// By whom (a role or a device).
    pub by: Source,
    /// The form edition the answer was given under.
    pub form: FormVersion,
}

impl Stamp {
    /// A stamp of an answer given with this library's forms: the current
    /// edition of `rules`' period — what an app or a notebook built on this
    /// version of hanke asked.
    pub fn current(
        at: &str,
        by: &str,
        rules: &'static crate::rulebook::ParticipantRules,
    ) -> Result<Stamp, SyncError> {
        let form =
            crate::questionnaire::Questionnaire::new(rules, crate::questionnaire::Form::Entry)
                .version();
        Stamp::new(at, by, form)
    }

    /// A stamp from its texts: an RFC 3339 time with offset, a source, a form version.
    pub fn new(at: &str, by: &str, form: FormVersion) -> Result<Stamp, SyncError> {
        Ok(Stamp {
            at: at.parse()?,
            by: by.parse()?,
            form,
        })
    }
}

/// The fields a synced record holds: the participant file's columns except
/// the id (the record's own) and the identity code (never held), and the day
/// of the latest re-entry, which the participant file does not have (a file
/// holds one record per person with the first entry and the final exit).
pub(crate) const REENTRY_DATE: &str = "reentry_date";

/// The columns of the exit and its follow-up, which a re-entry clears: the
/// person is in the project again, and the earlier exit is not the final one.
pub(crate) const EXIT_GROUP: [Column; 6] = [
    Column::ExitDate,
    Column::ExitSituation,
    Column::QualificationGained,
    Column::FollowUpDate,
    Column::FollowUpEmployed,
    Column::FollowUpImprovement,
];

/// A field name of a synced record, checked.
pub(crate) fn field_name(name: &str) -> Result<&'static str, SyncError> {
    let name = name.trim();
    if name == REENTRY_DATE {
        return Ok(REENTRY_DATE);
    }
    Column::ALL
        .iter()
        .filter(|c| !matches!(c, Column::ParticipantId | Column::IdentityCode))
        .map(|c| c.name())
        .find(|n| *n == name)
        .ok_or_else(|| SyncError::UnknownField {
            given: Echo::new(name),
        })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod arbitrary {
    use proptest::prelude::*;

    use super::{FieldState, FormVersion, Instant, Role, Source, Stamp};

    impl Arbitrary for Instant {
        type Parameters = ();
        type Strategy = BoxedStrategy<Instant>;
        fn arbitrary_with((): ()) -> Self::Strategy {
            (0i64..4_102_444_800, 0u32..1_000_000_000)
                .prop_filter_map("a time", |(s, n)| {
                    chrono::DateTime::from_timestamp(s, n).map(Instant)
                })
                .boxed()
        }
    }

    impl Arbitrary for Source {
        type Parameters = ();
        type Strategy = BoxedStrategy<Source>;
        fn arbitrary_with((): ()) -> Self::Strategy {
            prop_oneof![
                proptest::sample::select(Role::ALL.to_vec()).prop_map(Source::Role),
                "[a-z_-]{1,24}".prop_map(Source::Device),
            ]
            .boxed()
        }
    }

    impl Arbitrary for FormVersion {
        type Parameters = ();
        type Strategy = BoxedStrategy<FormVersion>;
        fn arbitrary_with((): ()) -> Self::Strategy {
            (any::<crate::programme::ProgrammePeriod>(), 1u16..)
                .prop_map(|(period, number)| FormVersion { period, number })
                .boxed()
        }
    }

    impl Arbitrary for FieldState {
        type Parameters = ();
        type Strategy = BoxedStrategy<FieldState>;
        fn arbitrary_with((): ()) -> Self::Strategy {
            (
                proptest::option::of("[a-z0-9]{0,12}"),
                any::<Instant>(),
                any::<Source>(),
                any::<FormVersion>(),
            )
                .prop_map(|(value, at, by, form)| FieldState {
                    value,
                    changed: Stamp { at, by, form },
                })
                .boxed()
        }
    }
}
