//! Projects, findings, and the programme and regional catalogues.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::errors;
use crate::table::Table;
use crate::values::{PyMoney, PyRate};

/// One thing a check found — *havainto*: a stable rule id, a severity, the path
/// of the field, messages in English and Finnish, and the line of the file.
///
/// >>> f = Project.load("examples/data/projects/yhteiskunnalliset_yritykset_esr_plus.json").validate()[0]
/// >>> f.rule_id, f.severity
/// ('FIN-SUM-002', 'info')
#[pyclass(frozen, eq, module = "hanke", name = "Finding")]
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct PyFinding(pub(crate) hanke::Finding);

#[pymethods]
impl PyFinding {
    /// The rule's stable id, e.g. ``FIN-SUM-001``.
    #[getter]
    fn rule_id(&self) -> &'static str {
        self.0.rule_id
    }
    /// ``error``, ``warning`` or ``info``.
    #[getter]
    fn severity(&self) -> String {
        self.0.severity.to_string()
    }
    /// The path of the field, e.g. ``funding_plan.sources[0].realised``.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// What was found, in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.0.message_en
    }
    /// What was found, in Finnish.
    #[getter]
    fn message_fi(&self) -> &str {
        &self.0.message_fi
    }
    /// What was found, in Swedish, where the check gives it (the data-quality
    /// checks do); ``None`` otherwise.
    #[getter]
    fn message_sv(&self) -> &str {
        &self.0.message_sv
    }
    /// The line of the file the data came from, for imported data.
    #[getter]
    fn line(&self) -> Option<u64> {
        self.0.line
    }
    /// The last line, where the data spans lines (a stray quote).
    #[getter]
    fn end_line(&self) -> Option<u64> {
        self.0.end_line
    }
    /// The row of a table (from 0, as data frames count), for a table's data.
    #[getter]
    fn row(&self) -> Option<u64> {
        self.0.row
    }
    /// The cell of a spreadsheet the data came from, e.g. ``Osallistujat!B8``
    /// (``line`` is then the sheet's row).
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.0.cell.as_deref()
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __repr__(&self) -> String {
        format!(
            "Finding(rule_id={:?}, severity={:?}, path={:?}, line={})",
            self.0.rule_id,
            self.0.severity.to_string(),
            self.0.path,
            self.0.line.map_or("None".to_string(), |l| l.to_string())
        )
    }
}

/// The row account of an import as a dict: the keys every reader's report
/// shares (``hanke.types.RowAccountDict``).
pub(crate) fn account_dict<'py>(
    py: Python<'py>,
    a: &hanke::csv_record::RowAccount,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("rows_read", a.rows_read)?;
    d.set_item("accepted", a.accepted)?;
    d.set_item("rejected", a.rejected)?;
    d.set_item("blank_lines", a.blank_lines)?;
    d.set_item("lines", a.lines)?;
    d.set_item("record_lines", a.record_lines)?;
    d.set_item("balanced", a.is_balanced())?;
    Ok(d)
}

/// Findings as a table (the core's columns: rule_id, severity, path, line,
/// message_en, message_fi, message_sv).
pub(crate) fn findings_table(findings: &[hanke::Finding]) -> PyResult<Table> {
    Table::from_core(hanke::export::table::ResultTable::findings(findings))
}

/// Wraps core findings.
pub(crate) fn findings(v: Vec<hanke::Finding>) -> Vec<PyFinding> {
    v.into_iter().map(PyFinding).collect()
}

/// A project — *hanke*: identity, placement, period, implementers, area, target
/// groups, financing, indicators and texts. Immutable; every field is readable
/// (``to_dict()`` gives all of them in the JSON form of ``docs/json-format.md``).
///
/// >>> p = Project.load("examples/data/projects/toimet_S22026.json")
/// >>> p
/// Project(code='S22026', name='TOIMET - toiminnallinen etävalmennus', programme_period='2014-2020', priority=5)
/// >>> str(p.utilisation())
/// '88,33 %'
/// >>> Project("Uusi hanke", code="S20999").code
/// 'S20999'
#[pyclass(frozen, eq, module = "hanke", name = "Project")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyProject(pub(crate) hanke::Project);

fn json_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("json")
}

#[pymethods]
impl PyProject {
    /// A project from its fields, in the JSON form (``name`` is required).
    #[new]
    #[pyo3(signature = (name, **fields))]
    fn new(py: Python<'_>, name: &str, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let d = PyDict::new(py);
        d.set_item("name", name)?;
        if let Some(f) = fields {
            d.update(f.as_mapping())?;
        }
        PyProject::from_dict(&d)
    }

    /// A project from a dict of the JSON form. Values may be ``str``,
    /// ``int``, ``Decimal``, ``datetime.date``, hanke's ``Money``, ``Rate``,
    /// ``BusinessId`` and ``ProjectCode``, lists and dicts; anything else (a
    /// ``datetime``, a ``set``) is a ``ValidationError`` (``argument.type``).
    ///
    /// >>> import datetime, decimal
    /// >>> p = Project.from_dict({"name": "X", "period": {"start": datetime.date(2020, 5, 1), "end": "2020-09"}})
    /// >>> p.period
    /// (datetime.date(2020, 5, 1), datetime.date(2020, 9, 30))
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyDict>) -> PyResult<Self> {
        let value = crate::pyjson::to_json(data.as_any(), "", 0)?;
        PyProject::from_json(&value.to_string())
    }

    /// A project from JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        hanke::Project::from_json_str(text)
            .map(PyProject)
            .map_err(errors::raise)
    }

    /// A project from a JSON file.
    #[staticmethod]
    fn load(path: crate::args::FilePath) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path.0).map_err(|e| errors::io(&path.display(), &e))?;
        PyProject::from_json(&text)
    }

    /// The JSON form.
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json_string().map_err(errors::raise)
    }

    /// Writes the JSON form to a file.
    fn save(&self, path: crate::args::FilePath) -> PyResult<()> {
        let text = self.to_json()?;
        std::fs::write(&path.0, text).map_err(|e| errors::io(&path.display(), &e))
    }

    /// Every field as a dict of the JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_module(py)?.call_method1("loads", (self.to_json()?,))
    }

    /// The project code, e.g. ``'S22026'``.
    #[getter]
    fn code(&self) -> Option<String> {
        self.0.code.map(|c| c.to_string())
    }
    /// The name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// The short name, if any.
    #[getter]
    fn acronym(&self) -> Option<&str> {
        self.0.acronym.as_deref()
    }
    /// The programme period, ``'2014-2020'`` or ``'2021-2027'``
    /// (``hanke.programme(p.programme_period)`` is the programme itself).
    #[getter]
    fn programme_period(&self) -> Option<String> {
        self.0.placement.programme.map(period_key)
    }
    /// The fund: ``'ESR'``, ``'ESR+'``, ``'EAKR'``.
    #[getter]
    fn fund(&self) -> Option<&'static str> {
        self.0.placement.fund.map(|f| f.abbreviation_fi())
    }
    /// The priority axis number (*toimintalinja*).
    #[getter]
    fn priority(&self) -> Option<u8> {
        self.0.placement.priority
    }
    /// The specific objective (*erityistavoite*), e.g. ``'10.1'``.
    #[getter]
    fn specific_objective(&self) -> Option<&str> {
        self.0.placement.specific_objective.as_deref()
    }
    /// The responsible authority's Finnish name.
    #[getter]
    fn responsible_authority(&self) -> Option<&'static str> {
        self.0.placement.responsible_authority.map(|a| a.name_fi())
    }
    /// The planned period as ``(start, end)`` — first and last day of what the
    /// document gives (a month or a year where no day is given).
    #[getter]
    fn period(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        self.0
            .period
            .map(|p| (p.start().first_day(), p.end().last_day()))
    }
    /// The status text as the document states it.
    #[getter]
    fn status(&self) -> Option<&str> {
        self.0.reported_status.as_ref().map(|s| s.text())
    }
    /// The main implementer's name.
    #[getter]
    fn main_implementer(&self) -> Option<&str> {
        self.0
            .main_implementer()
            .map(|i| i.organisation.name.as_str())
    }

    /// Utilisation — *käyttöaste*: realised ÷ granted (see the core's rule).
    fn utilisation(&self) -> PyResult<Option<PyRate>> {
        self.0
            .funding_plan
            .utilisation()
            .map(|r| r.map(PyRate))
            .map_err(errors::raise)
    }

    /// EU and state funding at a stage: ``'planned'``, ``'granted'`` or ``'realised'``.
    fn eu_and_state(&self, stage: &str) -> PyResult<Option<PyMoney>> {
        self.0
            .funding_plan
            .eu_and_state(parse_stage(stage)?)
            .map(|m| m.map(PyMoney))
            .map_err(errors::raise)
    }

    /// The total at a stage.
    fn total(&self, stage: &str) -> PyResult<Option<PyMoney>> {
        self.0
            .funding_plan
            .total(parse_stage(stage)?)
            .map(|m| m.map(PyMoney))
            .map_err(errors::raise)
    }

    /// Every finding about the project's own consistency.
    fn validate(&self) -> Vec<PyFinding> {
        findings(self.0.validate())
    }

    /// The project written as an EURA 2014 public description.
    fn to_eura_description(&self) -> String {
        hanke::eura::render_description(&self.0)
    }

    fn __repr__(&self) -> String {
        let mut parts = vec![
            format!(
                "code={}",
                self.code().map_or("None".to_string(), |c| format!("'{c}'"))
            ),
            format!("name={}", py_str(&self.0.name)),
        ];
        if let Some(p) = self.programme_period() {
            parts.push(format!("programme_period='{p}'"));
        }
        if let Some(n) = self.0.placement.priority {
            parts.push(format!("priority={n}"));
        }
        format!("Project({})", parts.join(", "))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.get_type::<PyProject>().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().to_json()?])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }
}

/// A Python-style quoted string.
/// A text for a `repr()`: through the core's publication gate (codes masked),
/// quoted as Python quotes it.
pub(crate) fn py_str(s: &str) -> String {
    // Codes masked, tags defanged, control characters written out: a repr is
    // shown in notebooks, logs and tracebacks.
    let text = hanke::echo::plain(s);
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

pub(crate) fn period_key(p: hanke::programme::ProgrammePeriod) -> String {
    p.key().to_string()
}

/// A programme period from its name: the core reads it (`2014-2020`).
pub(crate) fn parse_period(text: &str) -> PyResult<hanke::programme::ProgrammePeriod> {
    text.parse().map_err(errors::raise)
}

fn parse_stage(text: &str) -> PyResult<hanke::funding::Stage> {
    text.parse().map_err(errors::raise)
}

fn so_dict<'py>(
    py: Python<'py>,
    so: &hanke::programme::SpecificObjective,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", so.code)?;
    d.set_item("name_fi", so.name_fi)?;
    d.set_item("esf_plus_letter", so.esf_plus_letter.map(String::from))?;
    d.set_item(
        "verification",
        format!("{:?}", so.verification).to_lowercase(),
    )?;
    d.set_item("source", so.source)?;
    Ok(d)
}

fn priority_dict<'py>(
    py: Python<'py>,
    p: &hanke::programme::Priority,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("number", p.number)?;
    d.set_item("name_fi", p.name_fi)?;
    d.set_item("fund", p.fund.abbreviation_fi())?;
    let sos = p
        .specific_objectives
        .iter()
        .map(|so| so_dict(py, so))
        .collect::<PyResult<Vec<_>>>()?;
    d.set_item("specific_objectives", sos)?;
    d.set_item(
        "verification",
        format!("{:?}", p.verification).to_lowercase(),
    )?;
    Ok(d)
}

fn find_programme(period: &str) -> PyResult<&'static hanke::programme::Programme> {
    let p = parse_period(period)?;
    hanke::programme::programme(p).ok_or_else(|| {
        errors::coded(
            "programme.unknown",
            format!("no programme of {period} in the catalogue"),
        )
    })
}

/// A structural-funds programme as a dict: period, names, CCI, priorities with
/// their specific objectives (each with its verification status).
///
/// >>> programme("2014-2020")["priorities"][4]["name_fi"]
/// 'Sosiaalinen osallisuus ja köyhyyden torjunta'
#[pyfunction]
pub(crate) fn programme<'py>(py: Python<'py>, period: &str) -> PyResult<Bound<'py, PyDict>> {
    let p = find_programme(period)?;
    let d = PyDict::new(py);
    d.set_item("period", period_key(p.period))?;
    d.set_item("name_fi", p.name_fi)?;
    d.set_item("name_en", p.name_en)?;
    d.set_item("cci", p.cci)?;
    let prios = p
        .priorities
        .iter()
        .map(|x| priority_dict(py, x))
        .collect::<PyResult<Vec<_>>>()?;
    d.set_item("priorities", prios)?;
    Ok(d)
}

/// The programme periods hanke has a catalogue of.
///
/// >>> programmes()
/// ['2014-2020', '2021-2027']
#[pyfunction]
pub(crate) fn programmes() -> Vec<String> {
    hanke::programme::programmes()
        .iter()
        .map(|p| period_key(p.period))
        .collect()
}

/// A priority axis by number or printed text (``5``, ``"5. Sosiaalinen …"``,
/// ``"Toimintalinja 5 (ESR)"``); ``None`` if the catalogue lacks it.
///
/// >>> priority("2014-2020", "Toimintalinja 5 (ESR)")["number"]
/// 5
#[pyfunction]
pub(crate) fn priority<'py>(
    py: Python<'py>,
    period: &str,
    number_or_text: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let prog = find_programme(period)?;
    let found = match number_or_text.extract::<u8>() {
        Ok(n) => prog.priority(n),
        Err(_) => {
            let text: String = number_or_text.extract()?;
            hanke::eura::placement::priority(prog, &text).map(|m| m.item)
        }
    };
    found.map(|p| priority_dict(py, p)).transpose()
}

/// A specific objective by code or printed text (``"10.1"``, ``"10.1. Työelämän …"``,
/// or its name); ``None`` if the catalogue lacks it.
///
/// >>> specific_objective("2014-2020", "10.1")["name_fi"]
/// 'Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen'
#[pyfunction]
pub(crate) fn specific_objective<'py>(
    py: Python<'py>,
    period: &str,
    code_or_text: &str,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let prog = find_programme(period)?;
    let found = prog
        .specific_objective(code_or_text)
        .or_else(|| hanke::eura::placement::specific_objective(prog, code_or_text).map(|m| m.item));
    found.map(|so| so_dict(py, so)).transpose()
}

/// The classification nearest `year`, or the newest one hanke has.
fn classification(
    year: Option<crate::args::Whole<i32>>,
) -> PyResult<&'static hanke::classify::RegionalClassification> {
    let year = year.map_or_else(hanke::classify::newest_regional_year, |y| y.0);
    hanke::classify::regional_nearest(year).map_err(|e| errors::coded(e.code(), e.to_string()))
}

/// A municipality (*kunta*) by code (``"297"``) or Finnish/Swedish name, in the
/// regional classification nearest ``year`` (the newest hanke has when ``None``);
/// ``None`` if there is none.
///
/// >>> municipality("Kuopio", 2020)["region_name_fi"]
/// 'Pohjois-Savo'
#[pyfunction]
#[pyo3(signature = (code_or_name, year = None))]
pub(crate) fn municipality<'py>(
    py: Python<'py>,
    code_or_name: &str,
    year: Option<crate::args::Whole<i32>>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let c = classification(year)?;
    let m = code_or_name
        .parse()
        .ok()
        .and_then(|code| c.municipality(code))
        .or_else(|| c.municipality_by_name(code_or_name));
    let Some(m) = m else { return Ok(None) };
    let d = PyDict::new(py);
    d.set_item("code", m.code.to_string())?;
    d.set_item("name_fi", &m.name_fi)?;
    d.set_item("name_sv", &m.name_sv)?;
    d.set_item("region", m.region.to_string())?;
    d.set_item(
        "region_name_fi",
        c.region(m.region).map(|r| r.name_fi.clone()),
    )?;
    d.set_item("sub_region", m.sub_region.to_string())?;
    d.set_item(
        "sub_region_name_fi",
        c.sub_region(m.sub_region).map(|s| s.name_fi.clone()),
    )?;
    d.set_item("nuts3", &m.nuts3)?;
    d.set_item("classification_year", c.year)?;
    Ok(Some(d))
}

/// A region (*maakunta*) by code (``"11"``) or name; ``None`` if there is none.
///
/// >>> region("Satakunta")["code"]
/// '04'
#[pyfunction]
#[pyo3(signature = (code_or_name, year = None))]
pub(crate) fn region<'py>(
    py: Python<'py>,
    code_or_name: &str,
    year: Option<crate::args::Whole<i32>>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let c = classification(year)?;
    let r = code_or_name
        .parse()
        .ok()
        .and_then(|code| c.region(code))
        .or_else(|| c.region_by_name(code_or_name));
    let Some(r) = r else { return Ok(None) };
    let d = PyDict::new(py);
    d.set_item("code", r.code.to_string())?;
    d.set_item("name_fi", &r.name_fi)?;
    d.set_item("name_sv", &r.name_sv)?;
    d.set_item("nuts3", &r.nuts3)?;
    d.set_item("municipalities", c.municipalities_of_region(r.code).count())?;
    d.set_item("classification_year", c.year)?;
    Ok(Some(d))
}
