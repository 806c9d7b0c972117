//! The synced participant record and its audit trail.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{EXIT_GROUP, Pseudonymiser, REENTRY_DATE, Stamp, SyncError, field_name};
use crate::finding::{Finding, rules};
use crate::import::column_text;
use crate::participant::fields::Column;
use crate::participant::{Participant, ParticipantId};
use crate::programme::ProgrammePeriod;
use crate::questionnaire::{EDITIONS, Form, FormVersion, Questionnaire};
use crate::rulebook::ParticipantRules;

/// The history entry of a deletion: its field name.
pub(crate) const DELETED: &str = "deleted";

/// A field's value and the stamp of its last change — *kentän tila*.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldState {
    /// The value in the participant file's canonical text; `None` when cleared.
    pub value: Option<String>,
    /// When, by whom and under which form edition it was last changed.
    pub changed: Stamp,
}

/// One change in a record's audit trail — *muutos*: the field, its old and new
/// value, and who (a role or a device), when and under which form edition.
/// A deletion is a change of the pseudo-field `deleted` to `yes`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// When, by whom, under which form edition. First, so that a trail sorts by time.
    pub stamp: Stamp,
    /// The field (a column of the participant file, `reentry_date` or `deleted`).
    pub field: &'static str,
    /// The value before.
    pub old: Option<String>,
    /// The value after.
    pub new: Option<String>,
}

/// A participant record as an app captures and syncs it — *synkronoitava
/// osallistujatietue*; see [the module](super).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncRecord {
    pub(super) id: ParticipantId,
    pub(super) period: ProgrammePeriod,
    pub(super) fields: BTreeMap<&'static str, FieldState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) deleted: Option<Stamp>,
    pub(super) history: Vec<Change>,
}

/// A finding of [`SyncRecord::revalidate`], with the form edition the answer it
/// is about was given under (`None` for a finding about no one field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnsweredFinding {
    /// The finding under the current rules.
    pub finding: Finding,
    /// The edition the answer was given under.
    pub answered_under: Option<FormVersion>,
}

impl SyncRecord {
    /// The record of a participant captured on a device, every field stamped
    /// with `stamp`. An identity code in `participant` is keyed into its
    /// pseudonym with `pseudonymiser` and dropped; without one the record is
    /// refused (`sync.identity_code_not_pseudonymised`), never kept with the
    /// code or quietly without the person's link.
    pub fn capture(
        participant: &Participant,
        rules: &'static ParticipantRules,
        stamp: &Stamp,
        pseudonymiser: Option<&Pseudonymiser>,
    ) -> Result<SyncRecord, SyncError> {
        check_period(rules.period, stamp)?;
        let mut p = participant.clone();
        if let Some(code) = p.identity_code.take() {
            let keys = pseudonymiser.ok_or(SyncError::IdentityCodeNotPseudonymised)?;
            let derived = keys.pseudonym(&code);
            if p.pseudonym.is_some_and(|given| given != derived) {
                return Err(SyncError::PseudonymMismatch);
            }
            p.pseudonym = Some(derived);
        }
        let mut record = SyncRecord {
            id: p.id,
            period: rules.period,
            fields: BTreeMap::new(),
            deleted: None,
            history: Vec::new(),
        };
        for (name, text) in texts_of(&p) {
            record.set(name, text, stamp);
        }
        Ok(record)
    }

    /// The record's id, stable across devices.
    pub fn id(&self) -> ParticipantId {
        self.id
    }

    /// The programme period whose rules it follows.
    pub fn period(&self) -> ProgrammePeriod {
        self.period
    }

    /// A field's value (`None` if never set or cleared).
    pub fn value(&self, field: &str) -> Option<&str> {
        self.fields.get(field)?.value.as_deref()
    }

    /// Every field with its state, by name.
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, &FieldState)> {
        self.fields.iter().map(|(k, v)| (*k, v))
    }

    /// The audit trail, oldest first.
    pub fn history(&self) -> &[Change] {
        &self.history
    }

    /// The deletion's stamp, if the record is deleted.
    pub fn deleted(&self) -> Option<&Stamp> {
        self.deleted.as_ref()
    }

    /// Edits fields (`(field, text)`; an empty text clears the field), read by
    /// the participant reader under `rules` as a whole record, so that a value
    /// is stored in its canonical text and an edit that breaks the record
    /// (an exit before entry) is refused with the reader's findings. Returns
    /// the changes made (none when every value was already so). An identity
    /// code is refused: key it on the device and set `pseudonym`.
    pub fn edit(
        &mut self,
        answers: &[(&str, &str)],
        rules: &'static ParticipantRules,
        stamp: &Stamp,
    ) -> Result<Vec<Change>, SyncError> {
        check_period(self.period, stamp)?;
        if self.deleted.is_some() {
            return Err(SyncError::Deleted);
        }
        let mut given: BTreeMap<&'static str, &str> = BTreeMap::new();
        for (name, text) in answers {
            if name.trim() == Column::IdentityCode.name() {
                return Err(SyncError::IdentityCodeNotPseudonymised);
            }
            given.insert(field_name(name)?, text);
        }
        let p = self.read(rules, &|name| match given.get(name) {
            Some(text) => Some((*text).to_string()),
            None => self.value(name).map(str::to_string),
        })?;
        let before = self.history.len();
        for (name, text) in texts_of(&p) {
            self.set(name, text, stamp);
        }
        if let Some(text) = given.get(REENTRY_DATE) {
            let day = reentry_day(text)?;
            self.set(REENTRY_DATE, day.map(|d| d.to_string()), stamp);
        }
        Ok(self.history.get(before..).unwrap_or_default().to_vec())
    }

    /// Records that the person came back on `day` after leaving — *uudelleen
    /// aloitus*. The period's re-entry rule (one record per person per
    /// operation, first entry and final exit; `ParticipantRules::reentry`)
    /// keeps the entry data, clears the exit and its follow-up (the person is
    /// in again; the earlier exit stays in the history) and notes the day.
    /// Needs an exit before `day`.
    pub fn reenter(
        &mut self,
        day: NaiveDate,
        rules: &'static ParticipantRules,
        stamp: &Stamp,
    ) -> Result<Vec<Change>, SyncError> {
        check_period(self.period, stamp)?;
        check_period(rules.period, stamp)?;
        if self.deleted.is_some() {
            return Err(SyncError::Deleted);
        }
        let exit = self
            .value(Column::ExitDate.name())
            .and_then(|t| crate::day::parse_day(t).ok());
        if exit.is_none_or(|x| x >= day) {
            return Err(SyncError::ReentryWithoutExit);
        }
        let before = self.history.len();
        for c in EXIT_GROUP {
            self.set(c.name(), None, stamp);
        }
        self.set(REENTRY_DATE, Some(day.to_string()), stamp);
        Ok(self.history.get(before..).unwrap_or_default().to_vec())
    }

    /// Deletes the record (a tombstone that syncs; the fields and history stay
    /// for the merge and the audit).
    pub fn delete(&mut self, stamp: &Stamp) -> Result<(), SyncError> {
        check_period(self.period, stamp)?;
        if self.deleted.is_some() {
            return Err(SyncError::Deleted);
        }
        self.deleted = Some(stamp.clone());
        self.history.push(Change {
            stamp: stamp.clone(),
            field: DELETED,
            old: None,
            new: Some("yes".to_string()),
        });
        Ok(())
    }

    /// The participant the record describes, read under `rules` by the
    /// participant reader; the reader's findings if it cannot be read.
    pub fn participant(&self, rules: &'static ParticipantRules) -> Result<Participant, SyncError> {
        self.read(rules, &|name| self.value(name).map(str::to_string))
    }

    /// Re-validates the record under `rules` — what a server does when a form
    /// answered offline arrives after the rules changed: every finding of the
    /// reader and the rules (errors and warnings), each with the form edition
    /// its answer was given under, and a `QST-VER-001` note per earlier
    /// edition found (with what changed since) or a `QST-VER-002` warning for
    /// an edition this library does not know.
    pub fn revalidate(&self, rules: &'static ParticipantRules) -> Vec<AnsweredFinding> {
        let current = Questionnaire::new(rules, Form::Entry).version();
        let under = |path: &str| self.fields.get(path).map(|s| s.changed.form);
        let mut out = Vec::new();
        let mut by_edition: BTreeMap<FormVersion, Vec<&'static str>> = BTreeMap::new();
        for (name, state) in &self.fields {
            if state.changed.form != current {
                by_edition.entry(state.changed.form).or_default().push(name);
            }
        }
        for (version, names) in by_edition {
            let list = names.join(", ");
            let finding = match version.edition() {
                Some(_) if version < current => {
                    let changes: Vec<_> = EDITIONS
                        .iter()
                        .filter(|e| {
                            e.version.period == current.period
                                && e.version > version
                                && e.version <= current
                        })
                        .collect();
                    let said = |pick: fn(&crate::lang::Text) -> &'static str| {
                        changes
                            .iter()
                            .map(|e| format!("{}: {}", e.version, pick(&e.changes)))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    Finding::new(
                        &rules::QUESTIONNAIRE_EARLIER_EDITION,
                        "form",
                        format!(
                            "{list} answered under form {version}, re-validated under {current} ({})",
                            said(|t| t.en)
                        ),
                        format!(
                            "{list} vastattu lomakkeella {version}, tarkistettu lomakkeen {current} säännöillä ({})",
                            said(|t| t.fi)
                        ),
                        format!(
                            "{list} besvarade med formulär {version}, kontrollerade enligt {current} ({})",
                            said(|t| t.sv)
                        ),
                    )
                }
                _ => Finding::new(
                    &rules::QUESTIONNAIRE_UNKNOWN_EDITION,
                    "form",
                    format!(
                        "{list} answered under form {version}, which this library does not know; re-validated under {current}"
                    ),
                    format!(
                        "{list} vastattu lomakkeella {version}, jota tämä kirjasto ei tunne; tarkistettu lomakkeen {current} säännöillä"
                    ),
                    format!(
                        "{list} besvarade med formulär {version}, som detta bibliotek inte känner; kontrollerade enligt {current}"
                    ),
                ),
            };
            out.push(AnsweredFinding {
                finding,
                answered_under: Some(version),
            });
        }
        let mut findings = Vec::new();
        Questionnaire::new(rules, Form::Entry).read_cells(&|c| self.text(c), &mut findings);
        out.extend(findings.into_iter().map(|f| AnsweredFinding {
            answered_under: under(&f.path),
            finding: f,
        }));
        out
    }

    /// The record as JSON: the sync payload an app stores and sends.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Reads a record from its JSON strictly: unknown or repeated keys, a
    /// field that is not the record's, a value holding an identity code, a
    /// stamp of another period are refused (`sync_record.json`, the path named).
    pub fn from_json(text: &str) -> Result<SyncRecord, SyncError> {
        let raw: RawRecord = crate::participant::read_json(text)
            .map_err(|e| SyncError::Json(crate::Echo::new(&e.to_string())))?;
        raw.check()
    }

    /// Sets a field, recording the change; nothing when the value is the same.
    pub(super) fn set(&mut self, name: &'static str, value: Option<String>, stamp: &Stamp) {
        let old = self.fields.get(name).and_then(|s| s.value.clone());
        if old == value && self.fields.contains_key(name) {
            return;
        }
        if old.is_none() && value.is_none() {
            return;
        }
        self.history.push(Change {
            stamp: stamp.clone(),
            field: name,
            old,
            new: value.clone(),
        });
        self.fields.insert(
            name,
            FieldState {
                value,
                changed: stamp.clone(),
            },
        );
    }

    /// The text of a column of the participant file in this record.
    fn text(&self, c: Column) -> Option<String> {
        match c {
            Column::ParticipantId => Some(self.id.as_str().to_string()),
            Column::IdentityCode => None,
            _ => self.value(c.name()).map(str::to_string),
        }
    }

    /// Reads the record's texts (`text(field)`) with the participant reader.
    fn read(
        &self,
        rules: &'static ParticipantRules,
        text: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Participant, SyncError> {
        let form = Questionnaire::new(rules, Form::Entry);
        let mut findings = Vec::new();
        let record = form.read_cells(
            &|c| match c {
                Column::ParticipantId | Column::IdentityCode => self.text(c),
                _ => text(c.name()),
            },
            &mut findings,
        );
        // Warnings (an implausible age) do not stop a capture; they are
        // what `revalidate` reports.
        findings.retain(|f| f.severity == crate::Severity::Error);
        match record {
            Some(p) if findings.is_empty() => Ok(p),
            _ => Err(SyncError::Answers { findings }),
        }
    }
}

fn check_period(period: ProgrammePeriod, stamp: &Stamp) -> Result<(), SyncError> {
    if stamp.form.period == period {
        Ok(())
    } else {
        let (a, b) = period.years();
        Err(SyncError::FormOfOtherPeriod {
            form: stamp.form,
            period: format!("{a}-{b}"),
        })
    }
}

fn reentry_day(text: &str) -> Result<Option<NaiveDate>, SyncError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // The participant file's grammar of a day (`2016-03-01` or `1.3.2016`),
    // as the same edit's exit date is read: one day, one grammar.
    crate::day::parse_day(t)
        .map(Some)
        .map_err(|why| SyncError::Answers {
            findings: vec![Finding::new(
                &rules::CSV_INVALID_VALUE,
                REENTRY_DATE,
                format!("a re-entry date is YYYY-MM-DD or D.M.YYYY ({why})"),
                "uudelleen aloituksen päivä on muotoa VVVV-KK-PP tai P.K.VVVV",
                "ett återinträdesdatum skrivs ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ",
            )],
        })
}

/// The canonical texts of a participant's fields, as the participant file
/// writes them (the id and the identity code are not fields).
fn texts_of(p: &Participant) -> Vec<(&'static str, Option<String>)> {
    Column::ALL
        .iter()
        .filter(|c| !matches!(c, Column::ParticipantId | Column::IdentityCode))
        .map(|c| (c.name(), column_text(p, *c)))
        .collect()
}

/// The JSON form before its checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    id: ParticipantId,
    period: ProgrammePeriod,
    fields: BTreeMap<String, FieldState>,
    #[serde(default)]
    deleted: Option<Stamp>,
    #[serde(default)]
    history: Vec<RawChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    stamp: Stamp,
    field: String,
    old: Option<String>,
    new: Option<String>,
}

impl RawRecord {
    fn check(self) -> Result<SyncRecord, SyncError> {
        let json =
            |path: &str, what: &str| SyncError::Json(crate::Echo::new(&format!("{path}: {what}")));
        let value_ok = |path: &str, v: &Option<String>| match v {
            Some(t) if crate::ids::holds_identity_code(t) => Err(json(
                path,
                "a value holds an identity code; a record never does",
            )),
            _ => Ok(()),
        };
        let mut fields = BTreeMap::new();
        for (name, state) in self.fields {
            let key = field_name(&name)?;
            value_ok(&format!("fields.{key}"), &state.value)?;
            check_period(self.period, &state.changed)?;
            fields.insert(key, state);
        }
        let mut history = Vec::new();
        for (i, c) in self.history.into_iter().enumerate() {
            let field = if c.field.trim() == DELETED {
                DELETED
            } else {
                field_name(&c.field)?
            };
            value_ok(&format!("history[{i}].old"), &c.old)?;
            value_ok(&format!("history[{i}].new"), &c.new)?;
            check_period(self.period, &c.stamp)?;
            history.push(Change {
                stamp: c.stamp,
                field,
                old: c.old,
                new: c.new,
            });
        }
        if let Some(d) = &self.deleted {
            check_period(self.period, d)?;
        }
        Ok(SyncRecord {
            id: self.id,
            period: self.period,
            fields,
            deleted: self.deleted,
            history,
        })
    }
}
