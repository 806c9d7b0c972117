//! Synced participant records for Python — the core's `hanke::sync`
//! (capture, edits, re-entries, deletion, three-way merge, re-validation),
//! converted. A server or a notebook merges what phones send with exactly the
//! rules the phones use.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use hanke::sync::{self as core, SyncRecord};

use crate::errors;
use crate::project::{PyFinding, parse_period};

fn rules(
    period: hanke::programme::ProgrammePeriod,
) -> PyResult<&'static hanke::rulebook::ParticipantRules> {
    hanke::rulebook::ParticipantRules::for_period(period).map_err(errors::raise)
}

fn stamp(record: &SyncRecord, at: &str, by: &str) -> PyResult<core::Stamp> {
    core::Stamp::current(at, by, rules(record.period())?).map_err(errors::raise)
}

fn pairs(answers: &BTreeMap<String, String>) -> Vec<(&str, &str)> {
    answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn change<'py>(py: Python<'py>, c: &core::Change) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("field", c.field)?;
    d.set_item("old", c.old.as_deref())?;
    d.set_item("new", c.new.as_deref())?;
    d.set_item("at", c.stamp.at.to_string())?;
    d.set_item("by", c.stamp.by.to_string())?;
    d.set_item("form", c.stamp.form.to_string())?;
    Ok(d)
}

fn changes<'py>(py: Python<'py>, cs: &[core::Change]) -> PyResult<Bound<'py, PyList>> {
    let items = cs
        .iter()
        .map(|c| change(py, c))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// A participant record as an app captures and syncs it — *synkronoitava
/// osallistujatietue*: a stable id, each field's last change (when in UTC, by a
/// role or device — never a name — and under which form edition), the audit
/// trail, and never the identity code (``capture`` keys it with ``secret`` or
/// refuses).
///
/// >>> entry = {"entry_date": "2024-03-01", "birth_date": "1990-05-05", "gender": "Nainen",
/// ...          "labour_status": "inactive", "education": "3"}
/// >>> r = SyncRecord.capture("2021-2027", "P-1", entry, at="2024-03-01T09:00:00+02:00", by="device:phone-7")
/// >>> r.fields["gender"], r.history[0]["at"]
/// ('woman', '2024-03-01T07:00:00Z')
#[pyclass(module = "hanke", name = "SyncRecord")]
#[derive(Clone)]
pub(crate) struct PySyncRecord(pub(crate) SyncRecord);

#[pymethods]
impl PySyncRecord {
    /// Captures a record from entry answers (``{question: answer}``), validated
    /// by the participant reader under the period's rules. An answered
    /// ``identity_code`` is keyed with ``secret`` (the app's, 16+ bytes) into the
    /// record's pseudonym and dropped; without ``secret`` the capture raises
    /// ``ParticipantError`` (``sync.identity_code_not_pseudonymised``).
    #[staticmethod]
    #[pyo3(signature = (period, record_id, answers, *, at, by, secret = None))]
    fn capture(
        period: &str,
        record_id: &str,
        answers: BTreeMap<String, String>,
        at: &str,
        by: &str,
        secret: Option<&[u8]>,
    ) -> PyResult<PySyncRecord> {
        let rules = rules(parse_period(period)?)?;
        let form =
            hanke::questionnaire::Questionnaire::new(rules, hanke::questionnaire::Form::Entry);
        let participant = form
            .answer_entry(record_id, &pairs(&answers))
            .map_err(|findings| errors::raise(core::SyncError::Answers { findings }))?;
        let s = core::Stamp::current(at, by, rules).map_err(errors::raise)?;
        let keys = secret
            .map(hanke::participant::Pseudonymiser::new)
            .transpose()
            .map_err(errors::raise)?;
        SyncRecord::capture(&participant, rules, &s, keys.as_ref())
            .map(PySyncRecord)
            .map_err(errors::raise)
    }

    /// A record from its JSON (strict: ``sync_record.json``, ``sync.*``).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PySyncRecord> {
        SyncRecord::from_json(text)
            .map(PySyncRecord)
            .map_err(errors::raise)
    }

    /// The record as JSON: what an app stores and syncs.
    fn to_json(&self) -> PyResult<String> {
        self.0
            .to_json()
            .map_err(|e| errors::coded("json.data", e.to_string()))
    }

    /// The record id, stable across devices.
    #[getter]
    fn record_id(&self) -> String {
        self.0.id().as_str().to_string()
    }

    /// The programme period, ``"2014-2020"`` or ``"2021-2027"``.
    #[getter]
    fn period(&self) -> String {
        let (a, b) = self.0.period().years();
        format!("{a}-{b}")
    }

    /// Every field with a value, by name.
    #[getter]
    fn fields(&self) -> BTreeMap<&'static str, String> {
        self.0
            .fields()
            .filter_map(|(k, s)| s.value.clone().map(|v| (k, v)))
            .collect()
    }

    /// The audit trail, oldest first: ``{"field", "old", "new", "at", "by", "form"}``.
    #[getter]
    fn history<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        changes(py, self.0.history())
    }

    /// Whether the record is deleted.
    #[getter]
    fn deleted(&self) -> bool {
        self.0.deleted().is_some()
    }

    /// Edits fields (``{field: text}``; ``""`` clears one); gives the changes.
    #[pyo3(signature = (answers, *, at, by))]
    fn edit<'py>(
        &mut self,
        py: Python<'py>,
        answers: BTreeMap<String, String>,
        at: &str,
        by: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let s = stamp(&self.0, at, by)?;
        let rules = rules(self.0.period())?;
        let made = self
            .0
            .edit(&pairs(&answers), rules, &s)
            .map_err(errors::raise)?;
        changes(py, &made)
    }

    /// Records a re-entry on ``day`` after an exit (the period's re-entry rule).
    #[pyo3(signature = (day, *, at, by))]
    fn reenter<'py>(
        &mut self,
        py: Python<'py>,
        day: crate::args::Day,
        at: &str,
        by: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let day = day.0;
        let s = stamp(&self.0, at, by)?;
        let rules = rules(self.0.period())?;
        let made = self.0.reenter(day, rules, &s).map_err(errors::raise)?;
        changes(py, &made)
    }

    /// Deletes the record (a tombstone that syncs).
    #[pyo3(signature = (*, at, by))]
    fn delete(&mut self, at: &str, by: &str) -> PyResult<()> {
        let s = stamp(&self.0, at, by)?;
        self.0.delete(&s).map_err(errors::raise)
    }

    /// Re-validates under this library's rules: ``[(finding, answered_under)]``,
    /// the form edition (``"2021-2027#1"``) each answer was given under.
    fn revalidate(&self) -> PyResult<Vec<(PyFinding, Option<String>)>> {
        let rules = rules(self.0.period())?;
        Ok(self
            .0
            .revalidate(rules)
            .into_iter()
            .map(|f| {
                (
                    PyFinding(f.finding),
                    f.answered_under.map(|v| v.to_string()),
                )
            })
            .collect())
    }

    fn __eq__(&self, other: &PySyncRecord) -> bool {
        self.0 == other.0
    }

    fn __repr__(&self) -> String {
        // The id and counts only: values are personal data.
        format!(
            "SyncRecord({:?}, {} fields, {} changes{})",
            hanke::echo::plain(self.0.id().as_str()),
            self.0.fields().count(),
            self.0.history().len(),
            if self.0.deleted().is_some() {
                ", deleted"
            } else {
                ""
            }
        )
    }
}

/// The outcome of a three-way merge: the conflicts to resolve (each with both
/// values — nothing is chosen for you), the notes of rules applied, and the
/// merged record once nothing is unresolved.
#[pyclass(module = "hanke", name = "MergeOutcome")]
pub(crate) struct PyMergeOutcome(core::MergeOutcome);

#[pymethods]
impl PyMergeOutcome {
    /// Every conflict, resolved or not, in a stable order, as dicts with a
    /// ``kind``: ``"field"`` (``field``, ``ancestor``, ``local``, ``remote``),
    /// ``"delete_vs_edit"`` (``deleted_on``, ``edited``) or ``"exit_vs_reentry"``
    /// (``exit_on``, ``exit_date``, ``reentry_date``).
    #[getter]
    fn conflicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .0
            .conflicts()
            .iter()
            .map(|c| {
                let d = PyDict::new(py);
                match c {
                    core::Conflict::Field {
                        field,
                        ancestor,
                        local,
                        remote,
                    } => {
                        d.set_item("kind", "field")?;
                        d.set_item("field", *field)?;
                        d.set_item("ancestor", ancestor.as_deref())?;
                        d.set_item("local", local.value.as_deref())?;
                        d.set_item("remote", remote.value.as_deref())?;
                    }
                    core::Conflict::DeleteVsEdit {
                        deleted_on, edited, ..
                    } => {
                        d.set_item("kind", "delete_vs_edit")?;
                        d.set_item("deleted_on", deleted_on.code())?;
                        d.set_item("edited", edited.clone())?;
                    }
                    core::Conflict::ExitVsReentry {
                        exit_on,
                        exit_date,
                        reentry_date,
                    } => {
                        d.set_item("kind", "exit_vs_reentry")?;
                        d.set_item("exit_on", exit_on.code())?;
                        d.set_item("exit_date", exit_date.to_string())?;
                        d.set_item("reentry_date", reentry_date.to_string())?;
                    }
                    other => {
                        // A kind this binding does not know is still shown.
                        d.set_item("kind", "other")?;
                        d.set_item("finding", PyFinding(other.finding()))?;
                    }
                }
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// How many conflicts are unresolved.
    #[getter]
    fn unresolved(&self) -> usize {
        self.0.unresolved()
    }

    /// The rules the merge applied (``SYNC-REENT-001``), as findings.
    #[getter]
    fn notes(&self) -> Vec<PyFinding> {
        self.0.notes().iter().cloned().map(PyFinding).collect()
    }

    /// The unresolved conflicts as ``SYNC-CONF-001`` errors, then the notes.
    fn findings(&self) -> Vec<PyFinding> {
        self.0.findings().into_iter().map(PyFinding).collect()
    }

    /// Resolves conflict ``index`` by taking ``side``'s version (``"local"`` or
    /// ``"remote"``); the resolution is a change stamped ``at``/``by``.
    #[pyo3(signature = (index, side, *, at, by))]
    fn resolve(&mut self, index: usize, side: &str, at: &str, by: &str) -> PyResult<()> {
        let chosen: core::Side = side.parse().map_err(errors::raise)?;
        let s = stamp(self.0.preview(), at, by)?;
        self.0.resolve(index, chosen, &s).map_err(errors::raise)
    }

    /// The merged record so far (a conflicting field keeps the ancestor's value).
    #[getter]
    fn preview(&self) -> PySyncRecord {
        PySyncRecord(self.0.preview().clone())
    }

    /// The merged record; raises ``ParticipantError`` (``sync.unresolved``)
    /// while a conflict is.
    fn record(&self) -> PyResult<PySyncRecord> {
        self.0
            .clone()
            .into_record()
            .map(PySyncRecord)
            .map_err(errors::raise)
    }
}

/// Merges ``local`` and ``remote``, two versions of one record that share
/// ``ancestor`` (the version both last synced).
#[pyfunction]
pub(crate) fn merge(
    ancestor: &PySyncRecord,
    local: &PySyncRecord,
    remote: &PySyncRecord,
) -> PyResult<PyMergeOutcome> {
    core::merge(&ancestor.0, &local.0, &remote.0)
        .map(PyMergeOutcome)
        .map_err(errors::raise)
}
