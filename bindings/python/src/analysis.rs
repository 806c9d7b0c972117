//! Participants, indicators, activities and the ESR report.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use crate::errors;
use crate::project::{PyFinding, PyProject, findings, findings_table, parse_period};
use crate::table::Table;

/// Participant records read from a CSV file or a table — *osallistujatiedot* —
/// with the account of the import (every row accepted or rejected with its line).
///
/// >>> ps = read_participants("examples/data/participants/lahde_mukaan_S20250.csv",
/// ...                        accept_temporary_codes=True)
/// >>> len(ps), ps.report["balanced"]
/// (29, True)
#[pyclass(frozen, module = "hanke", name = "Participants")]
pub(crate) struct PyParticipants {
    people: Vec<hanke::participant::Participant>,
    /// The records as counted when some are of one person: re-entries merged
    /// (first entry, final exit; ADR 0007 §5), as the ESR report and the
    /// SFC tables count them; `None` when no two records are one person's.
    merged: Option<hanke::participant::Merged>,
    /// `PART-DUP-003` of the records as read, when there was no merge (the
    /// merge's findings hold them otherwise).
    repeated_ids: Vec<hanke::Finding>,
    // The line each record came from (files only), for later findings.
    lines: Vec<(hanke::participant::ParticipantId, u64)>,
    report: hanke::import::ImportReport,
    period: hanke::programme::ProgrammePeriod,
    /// Whether the period was told from the entry dates.
    inferred: bool,
}

pub(crate) fn rules(
    period: hanke::programme::ProgrammePeriod,
) -> PyResult<&'static hanke::rulebook::ParticipantRules> {
    hanke::rulebook::ParticipantRules::for_period(period).map_err(errors::raise)
}

/// The catalogue with `code`, or the period's own.
pub(crate) fn catalogue_for(
    period: hanke::programme::ProgrammePeriod,
    catalogue: Option<&str>,
) -> PyResult<hanke::indicator::Catalogue> {
    use hanke::indicator::Catalogue;
    match catalogue {
        Some(code) => code.parse::<Catalogue>().map_err(errors::raise),
        None => Catalogue::for_period(period)
            .ok_or_else(|| errors::coded("indicator.catalogue", "no catalogue for the period")),
    }
}

/// The reading options of both readers, from the Python arguments.
pub(crate) fn read_options(
    accept_temporary_codes: bool,
    ignore_columns: Option<Vec<String>>,
    encoding: Option<&str>,
) -> PyResult<hanke::import::ImportOptions> {
    let mut options = hanke::import::ImportOptions::default();
    options.accept_temporary_codes = accept_temporary_codes;
    options.ignore_columns = ignore_columns.unwrap_or_default();
    options.encoding = encoding
        .map(str::parse::<hanke::import::Encoding>)
        .transpose()
        .map_err(errors::raise)?;
    Ok(options)
}

/// The programme period asked for, or the one the entry dates tell
/// (``hanke::rulebook::infer_period``: never a default).
pub(crate) fn period_or_inferred(
    period: Option<&str>,
    entries: impl FnOnce() -> PyResult<Vec<NaiveDate>>,
) -> PyResult<(hanke::programme::ProgrammePeriod, bool)> {
    match period {
        Some(p) => Ok((parse_period(p)?, false)),
        None => hanke::rulebook::infer_period(entries()?)
            .map(|p| (p, true))
            .map_err(errors::raise),
    }
}

/// A participant table or file, read once for the period's rules.
enum Source {
    Table(Vec<arrow_array::RecordBatch>),
    /// A CSV file or a workbook, and the sheet asked for.
    File(std::path::PathBuf, Option<String>),
}

impl Source {
    fn read(
        &self,
        py: Python<'_>,
        options: hanke::import::ImportOptions,
    ) -> PyResult<hanke::import::ParticipantsWithLines> {
        match self {
            // A table goes to the core's column reader: rows numbered from 0.
            Source::Table(batches) => py
                .detach(|| hanke::import::arrow::read_records(batches, &options))
                .map(|(people, report)| (people, Vec::new(), report))
                .map_err(crate::columns::columns_error),
            Source::File(path, sheet) => {
                // The core decides how a path is read (a workbook by its
                // extension, else CSV), as for the `hanke` command.
                let shown = path.display().to_string();
                if !path.is_file() {
                    let e = if path.is_dir() {
                        std::io::Error::other("a directory, not a file")
                    } else {
                        std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")
                    };
                    return Err(errors::io(&shown, &e));
                }
                py.detach(|| hanke::import::read_participants_file(path, sheet.as_deref(), options))
                    .map_err(errors::raise)
            }
        }
    }
}

/// Reads participant records from a CSV path (see ``docs/participant-csv.md``),
/// a workbook path (``.xlsx``, ``.xls``, ``.ods``: ``sheet`` or the first; the
/// same columns, a title row above the header allowed, findings naming their
/// cell, ``Finding.cell``) or
/// from any table that speaks the Arrow PyCapsule interface (polars, pandas 3,
/// pyarrow) with the same column names — a table is read by the same column
/// reader as ``common_indicators``, so both accept the same columns, types and
/// values, and number rows the same way (from 0, ``Finding.row``). Rows that
/// cannot be read are rejected and accounted for; identity codes are checked
/// and, with a ``secret``, replaced by keyed pseudonyms.
///
/// ``period`` (``"2014-2020"`` or ``"2021-2027"``) chooses the rules; left out,
/// it is told from the entry dates where they are certain (before 2021:
/// 2014–2020; after 2023: 2021–2027) and refused where they are not
/// (``period.ambiguous``, ``period.mixed``) — never a silent default.
/// ``ignore_columns`` names columns to leave out (listed in the report);
/// ``encoding`` (``"utf-8"``, ``"windows-1252"``) a file's encoding, else
/// UTF-8 or Windows-1252 where the file shows it with certainty.
/// ``threads`` (at least 1; default 1, the calling thread) reads a CSV file,
/// and merges a person's records, on that many threads with identical
/// records, lines, report and findings (ADR 0025 §9, §10); workbooks and
/// tables are read on one thread whatever it says.
///
/// >>> import polars as pl
/// >>> df = pl.DataFrame({"participant_id": ["P1"], "entry_date": ["2016-03-01"], "gender": ["nainen"]})
/// >>> ps = read_participants(df)
/// >>> len(ps), ps.period
/// (1, '2014-2020')
#[doc = include_str!("participant-format.md")]
#[pyfunction]
#[pyo3(
    signature = (source, *, period = None, accept_temporary_codes = false, secret = None, drop_identity_codes = false, ignore_columns = None, encoding = None, sheet = None, threads = crate::args::Threads::ONE),
    text_signature = "(source, *, period=None, accept_temporary_codes=False, secret=None, drop_identity_codes=False, ignore_columns=None, encoding=None, sheet=None, threads=1)"
)]
#[allow(clippy::too_many_arguments, reason = "Python keyword arguments")]
pub(crate) fn read_participants(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    period: Option<&str>,
    accept_temporary_codes: bool,
    secret: Option<&Bound<'_, PyBytes>>,
    drop_identity_codes: bool,
    ignore_columns: Option<Vec<String>>,
    encoding: Option<&str>,
    sheet: Option<String>,
    threads: crate::args::Threads,
) -> PyResult<PyParticipants> {
    let mut options = read_options(accept_temporary_codes, ignore_columns, encoding)?;
    options.drop_identity_codes = drop_identity_codes;
    let threads = threads.0;
    options.threads = Some(threads);
    if let Some(secret) = secret {
        options.pseudonymiser =
            Some(hanke::participant::Pseudonymiser::new(secret.as_bytes()).map_err(errors::raise)?);
    }
    let source = if let Ok(path) = source.extract::<std::path::PathBuf>() {
        Source::File(path, sheet)
    } else if let Some(e) = crate::columns::not_a_table(source, true) {
        return Err(e);
    } else {
        // A sheet or an encoding would do nothing for a table: the core says so.
        hanke::import::SourceKind::Table
            .check(sheet.as_deref(), &options)
            .map_err(errors::raise)?;
        Source::Table(crate::columns::batches_of(source, &mut options)?)
    };
    let (period, inferred) = period_or_inferred(period, || {
        // The period is told by the records' own entry dates, read once
        // without any period's rules.
        let (people, _, _) = source.read(py, options.clone())?;
        Ok(people.iter().map(|p| p.entry.date).collect())
    })?;
    options.rules = Some(rules(period)?);
    let (people, lines, report) = source.read(py, options)?;
    let merged = hanke::participant::has_duplicates(&people)
        .then(|| hanke::participant::merge_duplicates_parallel(people.clone(), None, threads));
    // What the merge says of ids several records share, asked here when no
    // merge was needed.
    let repeated_ids = match &merged {
        Some(_) => Vec::new(),
        None => hanke::participant::repeated_ids(&people),
    };
    Ok(PyParticipants {
        people,
        merged,
        repeated_ids,
        lines,
        report,
        period,
        inferred,
    })
}

impl PyParticipants {
    /// The records as counted: one per person.
    fn counted(&self) -> &[hanke::participant::Participant] {
        self.merged
            .as_ref()
            .map_or(&self.people, |m| &m.participants)
    }
}

#[pymethods]
impl PyParticipants {
    fn __len__(&self) -> usize {
        self.people.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Participants(records={}, rows_read={}, rejected={})",
            self.people.len(),
            self.report.rows_read,
            self.report.rejected
        )
    }

    /// The import account: rows_read, accepted, rejected, blank_lines, lines
    /// (physical lines of a file; a table's rows and its header),
    /// record_lines, ignored_columns, encoding, encoding_detected, period,
    /// period_inferred and balanced (rows and lines all accounted for).
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.report;
        let d = crate::project::account_dict(py, &r.account)?;
        d.set_item("ignored_columns", r.ignored_columns.clone())?;
        d.set_item("unnamed_columns", r.unnamed_columns.clone())?;
        if let Some(s) = &r.sheet {
            let sheet = PyDict::new(py);
            sheet.set_item("sheet", &s.sheet)?;
            sheet.set_item("sheets", s.sheets.clone())?;
            sheet.set_item("header_row", s.header_row)?;
            sheet.set_item("rows_above_header", s.rows_above_header)?;
            d.set_item("sheet", sheet)?;
        }
        d.set_item("encoding", r.encoding.name())?;
        d.set_item("encoding_detected", r.encoding_detected)?;
        d.set_item("period", crate::project::period_key(self.period))?;
        d.set_item("period_inferred", self.inferred)?;
        Ok(d)
    }

    /// The programme period whose rules were applied, e.g. ``"2021-2027"``.
    #[getter]
    fn period(&self) -> String {
        crate::project::period_key(self.period)
    }

    /// Why rows were rejected, each with line and field.
    fn rejections(&self) -> Vec<PyFinding> {
        findings(self.report.rejections.clone())
    }

    /// The period rules' findings on accepted records, with their lines, and
    /// the merges of one person's records (``PART-DUP-001``, ``PART-DUP-002``).
    fn findings(&self) -> Vec<PyFinding> {
        let mut all = self.report.findings.clone();
        if let Some(m) = &self.merged {
            all.extend(m.findings.iter().cloned());
        }
        all.extend(self.repeated_ids.iter().cloned());
        findings(all)
    }

    /// Rejections and findings together, as a table.
    fn findings_table(&self) -> PyResult<Table> {
        let mut all = self.report.rejections.clone();
        all.extend(self.report.findings.iter().cloned());
        findings_table(&all)
    }

    /// The records as dicts (the JSON form; identity codes are never included).
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = serde_json::to_string(&self.people)
            .map_err(|e| errors::coded("json.data", e.to_string()))?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// The EU common indicators of the period's catalogue at ``cut_off`` (records
    /// entered after it are left out), by gender, one person once: records of
    /// one person (identity code or pseudonym) are merged first, as the ESR
    /// report counts them (``findings()`` lists the merges). ``objective="l"``: the rules of
    /// an ESF+ operation under specific objective (l), as in
    /// ``common_indicators``.
    #[pyo3(signature = (cut_off = None, catalogue = None, objective = None))]
    fn indicators(
        &self,
        py: Python<'_>,
        cut_off: Option<crate::args::Day>,
        catalogue: Option<&str>,
        objective: Option<&str>,
    ) -> PyResult<PyIndicators> {
        let cut_off = cut_off.map(|d| d.0);
        let rules = match objective {
            Some(o) => rules(self.period)?
                .for_objective(o)
                .map_err(errors::raise)?,
            None => *rules(self.period)?,
        };
        let catalogue = catalogue_for(self.period, catalogue)?;
        let people = self.counted();
        py.detach(|| {
            hanke::indicator::CommonIndicators::compute(catalogue, &rules, cut_off, people)
        })
        .map(PyIndicators::new)
        .map_err(errors::raise)
    }

    /// How the indicator ``code`` gets its value at ``cut_off``: a dict with the
    /// period, catalogue, the indicator (definition, source), the cut-off, the
    /// parameters, the value by gender, every record (``participant``,
    /// ``pseudonym``, ``gender``, ``outcome`` — ``counted``,
    /// ``not_yet_entered``, ``incomplete`` with ``missing``, ``not_met`` with
    /// ``reason``) and ``text``, the same as readable text. Records are named by
    /// id and pseudonym, never by identity code. Raises ``IndicatorError``
    /// (``indicator.not_explained``) for a code that is not computed from
    /// participants.
    ///
    /// >>> ps = read_participants("examples/data/participants/lahde_mukaan_S20250.csv",
    /// ...                        accept_temporary_codes=True)
    /// >>> why = ps.explain("CR04")
    /// >>> why["value"]["women"] + why["value"]["men"], len(why["records"])
    /// (6, 29)
    #[pyo3(signature = (code, cut_off = None, catalogue = None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        code: &str,
        cut_off: Option<crate::args::Day>,
        catalogue: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cut_off = cut_off.map(|d| d.0);
        let rules = rules(self.period)?;
        let catalogue = catalogue_for(self.period, catalogue)?;
        let people = self.counted();
        let why = py
            .detach(|| {
                hanke::indicator::CommonIndicators::new(catalogue, rules, cut_off)
                    .and_then(|ind| ind.explain(code, people))
            })
            .map_err(errors::raise)?;
        let json =
            serde_json::to_string(&why).map_err(|e| errors::coded("json.data", e.to_string()))?;
        let out = py.import("json")?.call_method1("loads", (json,))?;
        out.set_item("text", why.to_text())?;
        Ok(out)
    }
}

/// The EU common indicators by gender — *yhteiset indikaattorit*. A table
/// (``__arrow_c_stream__``, ``to_polars()``, ``to_pandas()``), mergeable exactly.
///
/// >>> ind = read_participants("examples/data/participants/lahde_mukaan_S20250.csv",
/// ...                         accept_temporary_codes=True).indicators()
/// >>> ind.get("CR04")["total"]
/// 6
#[pyclass(frozen, module = "hanke", name = "Indicators")]
#[derive(Clone)]
pub(crate) struct PyIndicators(
    hanke::indicator::CommonIndicators,
    /// Notes on input values taken as changed (a table's timestamps).
    Vec<hanke::Finding>,
);

impl PyIndicators {
    /// The core's result.
    pub(crate) fn inner(&self) -> &hanke::indicator::CommonIndicators {
        &self.0
    }

    pub(crate) fn new(inner: hanke::indicator::CommonIndicators) -> PyIndicators {
        PyIndicators(inner, Vec::new())
    }

    pub(crate) fn with_notes(
        inner: hanke::indicator::CommonIndicators,
        notes: Vec<hanke::Finding>,
    ) -> PyIndicators {
        PyIndicators(inner, notes)
    }
}

fn tally_dict<'py>(py: Python<'py>, t: hanke::indicator::Tally) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("women", t.women)?;
    d.set_item("men", t.men)?;
    d.set_item("non_binary", t.non_binary)?;
    d.set_item("unknown", t.unknown)?;
    d.set_item("total", t.total())?;
    Ok(d)
}

#[pymethods]
impl PyIndicators {
    /// One indicator's counts by gender, or ``None`` if it is not computed.
    fn get<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.0.get(code).map(|t| tally_dict(py, t)).transpose()
    }

    /// Every record counted (complete or not), by gender.
    #[getter]
    fn grand_total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        tally_dict(py, self.0.grand_total())
    }

    /// Records left out as incomplete, by gender.
    #[getter]
    fn incomplete<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        tally_dict(py, self.0.incomplete())
    }

    /// Records entered after the cut-off, left out of every count.
    #[getter]
    fn not_yet_entered(&self) -> u64 {
        self.0.not_yet_entered()
    }

    /// Notes on input values taken as changed while reading a table: a
    /// timestamp's time of day left out (``IMP-TIME-001``, with its row), time
    /// zones read as Helsinki days (``IMP-TIME-002``).
    fn notes(&self) -> Vec<PyFinding> {
        findings(self.1.clone())
    }

    /// The catalogue's code: ``esf_2014``, ``esf_plus``, ``esf_plus_most_deprived``.
    #[getter]
    fn catalogue(&self) -> &'static str {
        self.0.catalogue().code()
    }

    /// The computation as JSON: catalogue, definition of long-term unemployment,
    /// cut-off, totals and every indicator's counts (how a partial result travels
    /// between processes; ``pickle`` uses it too).
    ///
    /// >>> import hanke
    /// >>> ind = hanke.common_indicators(hanke.testing.synthetic_participants(50))
    /// >>> hanke.Indicators.from_json(ind.to_json()) == ind
    /// True
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json_string().map_err(errors::raise)
    }

    /// Reads :meth:`to_json`'s form back, checked against the catalogue; raises
    /// ``IndicatorError`` (code ``indicator.json``) naming the field at fault.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyIndicators> {
        hanke::indicator::CommonIndicators::from_json_str(text)
            .map(PyIndicators::new)
            .map_err(errors::raise)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.get_type::<PyIndicators>().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().to_json()?])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyIndicators>()
            .is_ok_and(|o| o.get().0 == self.0)
    }

    /// Both sets together (e.g. two projects, or two halves of one file); raises
    /// ``IndicatorError`` when catalogue, rules or cut-off differ.
    fn merge(&self, other: &PyIndicators) -> PyResult<PyIndicators> {
        let mut out = self.0.clone();
        out.merge(&other.0).map_err(errors::raise)?;
        let mut notes = self.1.clone();
        notes.extend(other.1.iter().cloned());
        Ok(PyIndicators(out, notes))
    }

    /// The indicators as a table: code, name_en, name_fi, women, men, non_binary,
    /// unknown, total (``None`` where an indicator is not computed from
    /// participants), and whether the SFC code is verified against its source.
    fn table(&self) -> PyResult<Table> {
        Table::from_core(hanke::export::table::ResultTable::indicators(&self.0))
    }

    /// The indicators as :meth:`table` has them, ready to publish: counts of
    /// fewer than ``min_group`` people (``None``: the library's default, 10 —
    /// Kykyviisari practice;
    /// rule ``PUB-SMALL-001``) are ``None``, and so is a second count where the
    /// total would give a lone hidden one away. For a publication only: the
    /// funder's figures are :meth:`table`'s.
    ///
    /// >>> import hanke
    /// >>> ind = hanke.common_indicators(hanke.testing.synthetic_participants(50))
    /// >>> t = ind.published_table(min_group=10).to_pylist()
    /// >>> all(r["total"] is None or r["total"] >= 10 or r["total"] == 0 for r in t)
    /// True
    #[pyo3(signature = (min_group = None))]
    fn published_table(&self, min_group: Option<crate::args::Whole<u64>>) -> PyResult<Table> {
        let public = self.0.for_publication(small_numbers(min_group));
        Table::from_core(hanke::export::table::ResultTable::published_indicators(
            &public,
        ))
    }

    /// :meth:`published_table` as a Markdown table (``lang`` ``"fi"`` or
    /// ``"en"``), suppressed counts shown as ``..`` with the legend under it.
    #[pyo3(signature = (lang = "fi", min_group = None))]
    fn published_markdown(
        &self,
        lang: &str,
        min_group: Option<crate::args::Whole<u64>>,
    ) -> PyResult<String> {
        Ok(self
            .0
            .for_publication(small_numbers(min_group))
            .to_markdown(language(lang)?))
    }

    /// The Arrow C stream of ``table()``.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        slf: &Bound<'py, Self>,
        requested_schema: Option<Bound<'py, pyo3::types::PyCapsule>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(slf.py(), slf.get().table()?)?;
        table.call_method1("__arrow_c_stream__", (requested_schema,))
    }

    /// A ``polars.DataFrame`` of ``table()``.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Bound::new(slf.py(), slf.get().table()?)?.call_method0("to_polars")
    }

    /// A ``pandas.DataFrame`` of ``table()``.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Bound::new(slf.py(), slf.get().table()?)?.call_method0("to_pandas")
    }

    fn __repr__(&self) -> String {
        format!(
            "Indicators(catalogue={:?}, grand_total={})",
            self.0.catalogue().code(),
            self.0.grand_total().total()
        )
    }
}

/// A project's activity log — *toimintaloki*: events with attendance and feedback.
///
/// >>> log = ActivityLog.load("examples/data/activities/keko.json")
/// >>> len(log) > 0
/// True
#[pyclass(frozen, module = "hanke", name = "ActivityLog")]
#[derive(Clone)]
pub(crate) struct PyActivityLog(hanke::activity::ActivityLog);

#[pymethods]
impl PyActivityLog {
    /// An activity log from JSON text (``docs/json-format.md``).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        hanke::activity::ActivityLog::from_json_str(text)
            .map(PyActivityLog)
            .map_err(errors::raise)
    }

    /// An activity log from a JSON file.
    #[staticmethod]
    fn load(path: crate::args::FilePath) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path.0).map_err(|e| errors::io(&path.display(), &e))?;
        PyActivityLog::from_json(&text)
    }

    /// Checks of the log (``ACT-HEAD-001``, ``ACT-FEED-001``).
    fn check(&self) -> Vec<PyFinding> {
        findings(self.0.check())
    }

    fn __len__(&self) -> usize {
        self.0.activities.len()
    }

    fn __repr__(&self) -> String {
        format!("ActivityLog(activities={})", self.0.activities.len())
    }
}

fn language(lang: &str) -> PyResult<hanke::lang::Language> {
    lang.parse().map_err(errors::raise)
}

/// The ESR report of a project at a cut-off — *ESR-raportti*: identity, financing,
/// the common indicators from its participants, its own indicators from its
/// activities, and every finding. Renders itself in a notebook.
///
/// >>> p = Project.load("examples/data/projects/toimet_S22026.json")
/// >>> r = EsrReport(p, datetime.date(2020, 12, 31))
/// >>> "88,33 %" in r.to_markdown("fi")
/// True
#[pyclass(frozen, module = "hanke", name = "EsrReport")]
pub(crate) struct PyEsrReport {
    report: hanke::report::EsrReport,
    lang: hanke::lang::Language,
    // Kept for the exports, which speak of the project itself.
    project: hanke::Project,
    activities: Option<hanke::activity::ActivityLog>,
}

#[pymethods]
impl PyEsrReport {
    #[new]
    #[pyo3(signature = (project, cut_off, *, participants = None, activities = None, lang = "fi"))]
    fn new(
        py: Python<'_>,
        project: &PyProject,
        cut_off: crate::args::Day,
        participants: Option<&PyParticipants>,
        activities: Option<&PyActivityLog>,
        lang: &str,
    ) -> PyResult<Self> {
        let cut_off = cut_off.0;
        let mut inputs = hanke::report::ReportInputs::default();
        if let Some(p) = participants {
            inputs.participants = Some(p.people.clone());
            inputs.import_findings = p.report.rejections.clone();
        }
        inputs.activities = activities.map(|a| a.0.clone());
        let lang = language(lang)?;
        let project = project.0.clone();
        let report = py.detach(|| hanke::report::EsrReport::new(&project, cut_off, inputs));
        Ok(PyEsrReport {
            report,
            lang,
            project,
            activities: activities.map(|a| a.0.clone()),
        })
    }

    /// The report in Markdown, ``lang`` ``"fi"`` or ``"en"`` (default: the report's).
    #[pyo3(signature = (lang = None))]
    fn to_markdown(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        let lang = lang.map(language).transpose()?.unwrap_or(self.lang);
        Ok(py.detach(|| self.report.to_markdown(lang)))
    }

    /// The report as JSON.
    fn to_json(&self) -> PyResult<String> {
        self.report
            .to_json()
            .map_err(|e| errors::coded("json.data", e.to_string()))
    }

    /// The project as an IATI 2.03 activity (XML) at the report's cut-off:
    /// identifier ``FI-PRO-<Y-tunnus>-<code>``, organisations, dates, budget,
    /// transactions from the financing plan, and results — the project's own
    /// indicators and the EU common indicators computed from the participants.
    /// ``activity_id`` names a project without a code. Raises
    /// ``ValidationError`` (``export.no_project_code``,
    /// ``export.no_reporting_organisation``, ``export.no_period``).
    ///
    /// >>> p = Project.load("examples/data/projects/toimet_S22026.json")
    /// >>> xml = EsrReport(p, datetime.date(2021, 1, 31)).to_iati_xml()
    /// >>> "<iati-identifier>FI-PRO-2211414-8-S22026</iati-identifier>" in xml
    /// True
    #[pyo3(signature = (activity_id = None))]
    fn to_iati_xml(&self, activity_id: Option<&str>) -> PyResult<String> {
        let mut options = hanke::export::iati::IatiOptions::new(self.report.cut_off);
        options.common_indicators = self.report.participants.as_ref().map(|s| &s.indicators);
        options.activities = self.activities.as_ref();
        options.activity_id = activity_id;
        hanke::export::iati::to_iati_xml(&self.project, &options).map_err(errors::raise)
    }

    /// Every finding of the report.
    fn findings(&self) -> Vec<PyFinding> {
        findings(self.report.findings.clone())
    }

    /// The project's own indicators against targets: code, name, unit, baseline,
    /// target, actual.
    fn project_indicators(&self) -> PyResult<Table> {
        Table::from_core(self.report.project_indicator_table())
    }

    /// The common indicators of the report's participants, if it has any.
    fn indicators(&self) -> Option<PyIndicators> {
        self.report
            .participants
            .as_ref()
            .map(|p| PyIndicators::new(p.indicators.clone()))
    }

    fn _repr_markdown_(&self, py: Python<'_>) -> String {
        py.detach(|| self.report.to_markdown(self.lang))
    }

    fn _repr_html_(&self, py: Python<'_>) -> String {
        py.detach(|| self.report.to_html(self.lang))
    }

    fn __repr__(&self) -> String {
        format!(
            "EsrReport(project={}, cut_off={})",
            crate::project::py_str(&self.report.summary.name),
            self.report.cut_off
        )
    }
}

/// Reports of many projects rolled up by programme, priority and specific
/// objective, with their indicators merged.
///
/// >>> p = Project.load("examples/data/projects/toimet_S22026.json")
/// >>> "| 2014–2020 | 5 | 10.1 | 1 |" in portfolio_report([EsrReport(p, datetime.date(2020, 12, 31))])
/// True
#[pyfunction]
#[pyo3(signature = (reports, lang = "fi"))]
pub(crate) fn portfolio_report(
    reports: Vec<PyRef<'_, PyEsrReport>>,
    lang: &str,
) -> PyResult<String> {
    let all: Vec<hanke::report::EsrReport> = reports.iter().map(|r| r.report.clone()).collect();
    Ok(hanke::report::PortfolioReport::new(&all).to_markdown(language(lang)?))
}

/// Markdown as HTML (tables included), for notebooks.
///
/// >>> markdown_html("| a |\n|---|\n| 1 |")[:7]
/// '<table>'
#[pyfunction]
pub(crate) fn markdown_html(markdown: &str) -> String {
    hanke::publish::markdown_to_html(markdown)
}

/// Counts of people in disjoint groups, ready to publish: ``(cells, total)``
/// with ``None`` for a count of fewer than ``min_group`` people (``None``: the
/// library's default, 10 — Kykyviisari practice; rule ``PUB-SMALL-001``) and for the second count
/// hidden so that a lone hidden one cannot be worked out from the total.
///
/// >>> suppress_small_counts([16, 4])
/// ([None, None], 20)
/// >>> suppress_small_counts([12, 3, 15, 4])
/// ([12, None, 15, None], 34)
#[pyfunction]
#[pyo3(signature = (counts, min_group = None))]
pub(crate) fn suppress_small_counts(
    counts: Vec<u64>,
    min_group: Option<crate::args::Whole<u64>>,
) -> (Vec<Option<u64>>, Option<u64>) {
    let b = small_numbers(min_group).breakdown(&counts);
    (b.cells.iter().map(|c| c.value()).collect(), b.total.value())
}

/// The policy with `min_group`, or the library's default (``None``).
fn small_numbers(min_group: Option<crate::args::Whole<u64>>) -> hanke::disclosure::SmallNumbers {
    min_group.map_or_else(hanke::disclosure::SmallNumbers::default, |m| {
        hanke::disclosure::SmallNumbers::new(m.0)
    })
}

/// The projects as Kohesio-style operation rows (CSV text with a header): the
/// data of the list of operations of CPR Art 49(3), one column per point
/// (the table is in ``hanke::export::kohesio``); the header names are hanke's.
///
/// >>> p = Project.load("examples/data/projects/toimet_S22026.json")
/// >>> kohesio_csv([p]).splitlines()[0].split(",")[:3]
/// ['operation_code', 'operation_name', 'beneficiary_name']
#[pyfunction]
pub(crate) fn kohesio_csv(projects: Vec<PyRef<'_, PyProject>>) -> String {
    let all: Vec<hanke::Project> = projects.iter().map(|p| p.0.clone()).collect();
    hanke::export::kohesio::to_csv(&all)
}

/// Every data-quality problem of a project before reporting, all at once:
/// the project's own checks, the period's participant rules, the activity
/// log's checks and the data-quality rules (``DQ-…``: dates outside the period
/// or after the cut-off, missing exit forms, overlapping participations,
/// people seen only at information events, indicators far past their
/// targets). Each finding has its rule id, severity, path, line (for records
/// read from a file) and messages; errors first. ``missing_exit_grace_days``
/// and ``implausible_factor`` left ``None`` take the library's defaults (60
/// days after the project's end; 3 × the target).
///
/// >>> p = Project.load("examples/data/projects/lahde_mukaan_S20250.json")
/// >>> ps = read_participants("examples/data/participants/lahde_mukaan_S20250.csv",
/// ...                        accept_temporary_codes=True)
/// >>> check_quality(p, datetime.date(2017, 6, 30), participants=ps)
/// []
#[pyfunction]
#[pyo3(signature = (project, cut_off, *, participants = None, activities = None, missing_exit_grace_days = None, implausible_factor = None))]
pub(crate) fn check_quality(
    py: Python<'_>,
    project: &PyProject,
    cut_off: crate::args::Day,
    participants: Option<&PyParticipants>,
    activities: Option<&PyActivityLog>,
    missing_exit_grace_days: Option<crate::args::Whole<u32>>,
    implausible_factor: Option<crate::args::Whole<u64>>,
) -> Vec<PyFinding> {
    let cut_off = cut_off.0;
    let mut input = hanke::quality::QualityInput::new(&project.0, cut_off);
    if let Some(p) = participants {
        input.participants = &p.people;
        input.lines = &p.lines;
    }
    input.activities = activities.map(|a| &a.0);
    // The defaults are the core's (QualityInput::new), not restated here.
    if let Some(days) = missing_exit_grace_days {
        input.missing_exit_grace_days = days.0;
    }
    if let Some(k) = implausible_factor {
        input.implausible_factor = k.0;
    }
    // About a second per 100 000 records: without the GIL, as the other
    // long computations.
    findings(py.detach(|| hanke::quality::check(&input).findings))
}

/// Every rule hanke checks, to print or publish: id, severity, titles in
/// English, Finnish and Swedish, and source (``None`` for hanke's own
/// consistency checks).
///
/// >>> t = rule_table().to_pylist()
/// >>> next(r for r in t if r["id"] == "DQ-EXIT-001")["severity"]
/// 'error'
#[pyfunction]
pub(crate) fn rule_table() -> PyResult<Table> {
    Table::from_core(hanke::errors::rule_table())
}
