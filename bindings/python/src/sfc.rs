//! SFC2021 indicator tables for Python — the core's `hanke::sfc`, converted:
//! a conformance kit run into Table 6 and Table 10 (as `hanke.Table`, so Arrow,
//! polars and pandas), and another system's table compared cell by cell.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::args::FilePath;
use crate::errors;
use crate::project::PyFinding;
use crate::table::Table;

/// Runs the SFC2021 conformance kit in ``path`` (``conformance/sfc2021`` in the
/// repository) at ``cut_off`` (30 June or 31 December): Table 6 and Table 10 as
/// tables (``to_polars()``, ``to_pandas()``, Arrow), and the findings — the
/// readers', the merge's and the Commission's validation rules over Table 6.
///
/// >>> import datetime
/// >>> t6, t10, findings = sfc_kit("conformance/sfc2021", cut_off=datetime.date(2024, 12, 31))
/// >>> t6.column_names
/// ['cut_off', 'priority', 'specific_objective', 'category_of_region', 'indicator', 'gender', 'value']
/// >>> sorted({f.rule_id for f in findings if f.severity == "error"})  # the kit's follow-up on day 29
/// ['PART-FOLLOW-002']
#[pyfunction]
#[pyo3(signature = (path, *, cut_off))]
pub(crate) fn sfc_kit(
    path: FilePath,
    cut_off: NaiveDate,
) -> PyResult<(Table, Table, Vec<PyFinding>)> {
    let cut_off = hanke::sfc::CutOff::new(cut_off).map_err(errors::raise)?;
    let run = hanke::sfc::run_kit(&path.0, cut_off).map_err(errors::raise)?;
    let mut findings = run.findings.clone();
    findings.extend(run.table6.validate());
    Ok((
        Table::from_core(run.table6.result_table())?,
        Table::from_core(run.table10.result_table())?,
        findings.into_iter().map(PyFinding).collect(),
    ))
}

/// Compares another system's table (CSV text, the kit's format) with the
/// expected one: every differing cell as a dict — ``priority``,
/// ``specific_objective``, ``category_of_region``, ``indicator``, ``gender``,
/// ``expected`` and ``actual`` (``None`` where a table lacks the cell).
///
/// >>> import pathlib
/// >>> table = pathlib.Path("conformance/sfc2021/expected/table6.csv").read_text(encoding="utf-8")
/// >>> compare_sfc_tables(table, table.replace("transition,EECO01,woman,1", "transition,EECO01,woman,2"))[0]["actual"]
/// 2
#[pyfunction]
pub(crate) fn compare_sfc_tables<'py>(
    py: Python<'py>,
    expected: &str,
    actual: &str,
) -> PyResult<Bound<'py, PyList>> {
    let e = hanke::sfc::Table6::from_csv(expected).map_err(errors::raise)?;
    let a = hanke::sfc::Table6::from_csv(actual).map_err(errors::raise)?;
    let items = hanke::sfc::compare(e.rows(), a.rows())
        .into_iter()
        .map(|d| {
            let out = PyDict::new(py);
            out.set_item("priority", d.cell.priority)?;
            out.set_item("specific_objective", d.cell.objective.to_string())?;
            out.set_item("category_of_region", d.cell.region)?;
            out.set_item("indicator", d.cell.indicator)?;
            out.set_item("gender", d.cell.gender.code())?;
            out.set_item("expected", d.expected)?;
            out.set_item("actual", d.actual)?;
            Ok(out)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}
