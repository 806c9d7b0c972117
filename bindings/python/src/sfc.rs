//! SFC2021 indicator tables for Python — the core's `hanke::sfc`, converted:
//! a conformance kit run into Table 6 and Table 10 (as `hanke.Table`, so Arrow,
//! polars and pandas), and another system's table compared cell by cell.

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
    cut_off: crate::args::Day,
) -> PyResult<(Table, Table, Vec<PyFinding>)> {
    let cut_off = hanke::sfc::CutOff::new(cut_off.0).map_err(errors::raise)?;
    let run = hanke::sfc::run_kit(&path.0, cut_off).map_err(errors::raise)?;
    let mut findings = run.findings.clone();
    findings.extend(run.table6.validate());
    Ok((
        Table::from_core(run.table6.result_table())?,
        Table::from_core(run.table10.result_table())?,
        findings.into_iter().map(PyFinding).collect(),
    ))
}

/// Table 6 and Table 10 of a portfolio at ``cut_off``: ``operations`` is a list
/// of dicts with ``project_code``, ``priority``, ``specific_objective``
/// (``"ESO4.1"`` … ``"ESO4.13"``), ``category_of_region`` (``"less developed"``,
/// ``"transition"``, ``"more developed"``), ``indicators`` (the operation's
/// ``Indicators`` under the ESF+ catalogue at the same cut-off, or ``None`` for
/// an operation without individual participants) and optionally
/// ``target_group`` (output indicators every participant is reported under).
/// Gives the two tables and the validation findings of Table 6.
///
/// >>> import datetime
/// >>> day = datetime.date(2025, 12, 31)
/// >>> ind = common_indicators(testing.synthetic_participants(50), cut_off=day)
/// >>> ops = [{"project_code": "S30001", "priority": 4, "specific_objective": "ESO4.1",
/// ...         "category_of_region": "transition", "indicators": ind, "target_group": ["EECO02"]},
/// ...        {"project_code": "S30002", "priority": 4, "specific_objective": "ESO4.1",
/// ...         "category_of_region": "transition", "indicators": None}]
/// >>> t6, t10, findings = sfc_tables(ops, cut_off=day)
/// >>> rows = [r for r in t6.to_pylist() if r["indicator"] in ("EECO01", "EECO02")]
/// >>> sum(r["value"] for r in rows if r["indicator"] == "EECO01") == sum(r["value"] for r in rows if r["indicator"] == "EECO02")
/// True
#[pyfunction]
#[pyo3(signature = (operations, *, cut_off))]
pub(crate) fn sfc_tables(
    operations: Vec<Bound<'_, PyDict>>,
    cut_off: crate::args::Day,
) -> PyResult<(Table, Table, Vec<PyFinding>)> {
    let cut_off = hanke::sfc::CutOff::new(cut_off.0).map_err(errors::raise)?;
    let mut ops = Vec::new();
    for (i, d) in operations.iter().enumerate() {
        let get = |key: &str| -> PyResult<Bound<'_, PyAny>> {
            d.get_item(key)?.ok_or_else(|| {
                errors::coded("argument.type", format!("operations[{i}] has no {key:?}"))
            })
        };
        let text = |key: &str| -> PyResult<String> {
            get(key)?.extract::<String>().map_err(|_| {
                errors::coded(
                    "argument.type",
                    format!("operations[{i}][{key:?}] is not a str"),
                )
            })
        };
        let priority = get("priority")?.extract::<crate::args::Whole<u32>>()?.0;
        let priority = u8::try_from(priority).map_err(|_| {
            errors::coded(
                "argument.range",
                format!("operations[{i}][\"priority\"] is 0 to 255"),
            )
        })?;
        let indicators = get("indicators")?;
        let participation = if indicators.is_none() {
            hanke::sfc::Participation::NoIndividualParticipants
        } else {
            let ind = indicators
                .cast::<crate::analysis::PyIndicators>()
                .map_err(|_| {
                    errors::coded(
                        "argument.type",
                        format!("operations[{i}][\"indicators\"] is not Indicators or None"),
                    )
                })?;
            hanke::sfc::Participation::Records(Box::new(ind.get().inner().clone()))
        };
        let targets: Vec<String> = match d.get_item("target_group")? {
            Some(t) if !t.is_none() => t.extract().map_err(|_| {
                errors::coded(
                    "argument.type",
                    format!("operations[{i}][\"target_group\"] is not a list of str"),
                )
            })?,
            _ => Vec::new(),
        };
        let targets: Vec<&str> = targets.iter().map(String::as_str).collect();
        ops.push(
            hanke::sfc::Operation::from_texts(
                &text("project_code")?,
                priority,
                &text("specific_objective")?,
                &text("category_of_region")?,
                participation,
                &targets,
            )
            .map_err(errors::raise)?,
        );
    }
    let t6 = hanke::sfc::Table6::aggregate(&ops, cut_off).map_err(errors::raise)?;
    let t10 = hanke::sfc::Table10::aggregate(&ops, cut_off).map_err(errors::raise)?;
    let findings = t6.validate().into_iter().map(PyFinding).collect();
    Ok((
        Table::from_core(t6.result_table())?,
        Table::from_core(t10.result_table())?,
        findings,
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
