//! EURA public data: descriptions, project pages and the project list.

use pyo3::prelude::*;

use crate::errors;
use crate::project::{PyFinding, PyProject, findings, findings_table};
use crate::table::Table;

/// An EURA description or project page read: the project, what could not be read
/// (each finding with its line), and whether the text held every section.
///
/// >>> from pathlib import Path
/// >>> d = parse_description(Path("examples/data/eura/descriptions/S21994.txt").read_text())
/// >>> d.project.name, d.complete, d.findings()[0].rule_id
/// ('Romaniportti', False, 'EURA-DESC-001')
#[pyclass(frozen, module = "hanke", name = "ParsedDescription")]
pub(crate) struct PyParsed {
    project: PyProject,
    findings: Vec<hanke::Finding>,
    complete: bool,
}

#[pymethods]
impl PyParsed {
    /// The project read.
    #[getter]
    fn project(&self) -> PyProject {
        self.project.clone()
    }
    /// What could not be read (a method, as on every other class).
    fn findings(&self) -> Vec<PyFinding> {
        findings(self.findings.clone())
    }
    /// Whether every section 1–9 was there (always ``True`` for a project page).
    #[getter]
    fn complete(&self) -> bool {
        self.complete
    }
    fn __repr__(&self) -> String {
        format!(
            "ParsedDescription(project={}, findings={}, complete={})",
            crate::project::py_str(&self.project.0.name),
            self.findings.len(),
            if self.complete { "True" } else { "False" }
        )
    }
}

/// Reads an EURA 2014 public description ("Euroopan sosiaalirahaston (ESR)
/// rahoittaman hankkeen kuvaus"). Never raises on content.
///
/// >>> d = parse_description("1 Hanke\n\nHankekoodi: S20064\n\nHankkeen nimi: Toimari")
/// >>> d.project.code, [f.rule_id for f in d.findings()]
/// ('S20064', ['EURA-DESC-001'])
#[pyfunction]
pub(crate) fn parse_description(text: &str) -> PyParsed {
    let r = hanke::eura::parse_description(text);
    let complete = r.is_complete();
    PyParsed {
        project: PyProject(r.project),
        findings: r.findings,
        complete,
    }
}

/// Reads a project page with a "Tietoja hankkeesta" block. Never raises on content.
///
/// >>> page = parse_project_page("Hanke X\n\nTietoja hankkeesta:\n\nEURA-tunnus: S20250\nToimintalinja: Toimintalinja 5 (ESR)")
/// >>> page.project.code, page.project.priority
/// ('S20250', 5)
#[pyfunction]
pub(crate) fn parse_project_page(text: &str) -> PyParsed {
    let r = hanke::eura::parse_project_page(text);
    PyParsed {
        project: PyProject(r.project),
        findings: r.findings,
        complete: true,
    }
}

/// Writes a project as an EURA 2014 public description.
///
/// >>> text = render_description(Project("Toimari", code="S20064"))
/// >>> parse_description(text).project.code
/// 'S20064'
#[pyfunction]
pub(crate) fn render_description(project: &PyProject) -> String {
    hanke::eura::render_description(&project.0)
}

/// The EURA 2014 list of funded projects — *rahoitetut hankkeet*: every row
/// accepted or rejected with its line and reason.
///
/// >>> pl = ProjectList.load("examples/data/eura/eura2014_projektilista.csv")
/// >>> pl.report["rows_read"], pl.report["accepted"], pl.report["rejected"]
/// (2881, 2877, 4)
#[pyclass(frozen, module = "hanke", name = "ProjectList")]
pub(crate) struct PyProjectList(hanke::eura::ProjectList);

fn fund(text: Option<&str>) -> PyResult<Option<hanke::programme::Fund>> {
    text.map(str::parse).transpose().map_err(errors::raise)
}

#[pymethods]
impl PyProjectList {
    /// Reads the list from a CSV file (``,`` or ``;``, detected).
    #[staticmethod]
    fn load(py: Python<'_>, path: crate::args::FilePath) -> PyResult<Self> {
        py.detach(|| hanke::eura::ProjectList::from_path(&path.0))
            .map(PyProjectList)
            .map_err(errors::raise)
    }

    /// Reads the list from CSV text.
    #[staticmethod]
    fn from_csv(py: Python<'_>, text: &str) -> PyResult<Self> {
        py.detach(|| hanke::eura::ProjectList::read(text.as_bytes()))
            .map(PyProjectList)
            .map_err(errors::raise)
    }

    /// The import account: rows_read, accepted, rejected, realigned, balanced.
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let r = &self.0.report;
        let d = crate::project::account_dict(py, &r.account)?;
        d.set_item("realigned", r.realigned)?;
        d.set_item("padded", r.padded)?;
        d.set_item("unwrapped", r.unwrapped)?;
        Ok(d)
    }

    /// Why rows were rejected, each with its line.
    fn rejections(&self) -> Vec<PyFinding> {
        findings(self.0.report.rejections.clone())
    }

    /// Rejections and notes (rows read by joining fields) as a table.
    fn findings_table(&self) -> PyResult<Table> {
        let mut all = self.0.report.rejections.clone();
        all.extend(self.0.report.findings.iter().cloned());
        findings_table(&all)
    }

    fn __len__(&self) -> usize {
        self.0.rows.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "ProjectList(rows={}, rejected={})",
            self.0.rows.len(),
            self.0.report.rejected
        )
    }

    /// The accepted rows (of ``fund``, or all) as a table.
    #[pyo3(signature = (fund = None))]
    fn table(&self, fund: Option<&str>) -> PyResult<Table> {
        let f = self::fund(fund)?;
        let rows: Vec<&hanke::eura::ProjectListRow> = self
            .0
            .rows
            .iter()
            .filter(|r| f.is_none_or(|f| r.fund == f))
            .collect();
        Table::from_core(hanke::export::table::ResultTable::project_list(&rows))
    }

    /// Counts and sums grouped ``by`` ``"priority_axis"``, ``"authority"`` or
    /// ``"status"`` (of ``fund``, default ESR), with realised ÷ granted; the last
    /// row is the total.
    #[pyo3(signature = (by = "priority_axis", fund = Some("ESR")), text_signature = "(self, /, by='priority_axis', fund='ESR')")]
    fn portfolio(&self, by: &str, fund: Option<&str>) -> PyResult<Table> {
        use hanke::eura::PortfolioBy;
        let by: PortfolioBy = by.parse().map_err(errors::raise)?;
        let t = self
            .0
            .portfolio(self::fund(fund)?, by)
            .map_err(errors::raise)?;
        Table::from_core(hanke::export::table::ResultTable::portfolio(&t))
    }

    /// One row as a ``Project``.
    fn project(&self, code: &str) -> Option<PyProject> {
        self.0
            .rows
            .iter()
            .find(|r| r.code.to_string() == code)
            .map(|r| PyProject(r.to_project()))
    }
}
