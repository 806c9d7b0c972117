//! Result tables that speak the Arrow PyCapsule interface: `polars.DataFrame(t)`,
//! `pyarrow.table(t)` and `pandas` (through pyarrow) read them without copying
//! row by row; `to_pylist()` needs no Arrow library at all.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder, StringBuilder, UInt64Builder,
};
use arrow_array::types::{Decimal128Type, DecimalType};
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{ArrayIterator, to_stream_pycapsule};

use hanke::export::table::{ResultTable, Values};

use crate::errors;
use crate::values::decimal;

/// An Arrow array of a core column (conversion only: the columns, their names
/// and types are the core's, `hanke::export::table`; the matches are
/// exhaustive, so a new kind of column does not compile here until converted).
fn to_array(name: &str, values: &Values) -> PyResult<ArrayRef> {
    Ok(match values {
        Values::Text(v) => {
            let mut b = StringBuilder::new();
            v.iter().for_each(|x| b.append_option(x.as_deref()));
            Arc::new(b.finish())
        }
        Values::Int(v) => {
            let mut b = Int64Builder::new();
            v.iter().for_each(|x| b.append_option(*x));
            Arc::new(b.finish())
        }
        Values::Count(v) => {
            let mut b = UInt64Builder::new();
            v.iter().for_each(|x| b.append_option(*x));
            Arc::new(b.finish())
        }
        Values::Money(v) => {
            // `decimal(18, 2)` holds amounts of at most 18 digits in cents; an
            // amount past it (10^16 euros, from a file's total) would make an
            // array Arrow calls invalid, read by each library its own way.
            // Arrow's own test of a value against the precision.
            if let Some(row) = v.iter().position(|m| {
                m.is_some_and(|m| {
                    !Decimal128Type::is_valid_decimal_precision(
                        i128::from(m.cents()),
                        MONEY_PRECISION,
                    )
                })
            }) {
                return Err(errors::coded(
                    "table.arrow",
                    format!(
                        "column {name:?}, row {row}: an amount of more than 18 digits in cents does not fit the money columns' decimal(18, 2)"
                    ),
                ));
            }
            let mut b = Decimal128Builder::new();
            v.iter()
                .for_each(|x| b.append_option(x.map(|m| i128::from(m.cents()))));
            Arc::new(
                b.finish()
                    .with_precision_and_scale(MONEY_PRECISION, MONEY_SCALE)
                    .map_err(|e| errors::coded("table.arrow", e.to_string()))?,
            )
        }
        Values::Date(v) => {
            let mut b = Date32Builder::new();
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
            v.iter().for_each(|x| {
                b.append_option(x.and_then(|d| i32::try_from((d - epoch).num_days()).ok()))
            });
            Arc::new(b.finish())
        }
        Values::Bool(v) => {
            let mut b = BooleanBuilder::new();
            v.iter().for_each(|x| b.append_option(*x));
            Arc::new(b.finish())
        }
    })
}

/// Money columns are `decimal(18, 2)` (ADR 0010): the precision and scale,
/// for the type, the arrays and the check of each amount against them.
const MONEY_PRECISION: u8 = 18;
const MONEY_SCALE: i8 = 2;

/// The Arrow type of a core column: money exact as `decimal(18, 2)`, never a float.
fn data_type(values: &Values) -> DataType {
    match values {
        Values::Text(_) => DataType::Utf8,
        Values::Int(_) => DataType::Int64,
        Values::Count(_) => DataType::UInt64,
        Values::Money(_) => DataType::Decimal128(MONEY_PRECISION, MONEY_SCALE),
        Values::Date(_) => DataType::Date32,
        Values::Bool(_) => DataType::Boolean,
    }
}

/// The Python value of row `i` of a core column.
fn cell<'py>(values: &Values, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    let none = || py.None().into_bound(py);
    Ok(match values {
        Values::Text(v) => match v.get(i).and_then(|x| x.as_deref()) {
            Some(s) => s.into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Int(v) => match v.get(i).copied().flatten() {
            Some(n) => n.into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Count(v) => match v.get(i).copied().flatten() {
            Some(n) => n.into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Money(v) => match v.get(i).copied().flatten() {
            Some(m) => decimal(py, &m.to_plain_string())?,
            None => none(),
        },
        Values::Date(v) => match v.get(i).copied().flatten() {
            Some(d) => d.into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Bool(v) => match v.get(i).copied().flatten() {
            Some(b) => pyo3::types::PyBool::new(py, b).to_owned().into_any(),
            None => none(),
        },
    })
}

impl Table {
    /// The core's result table as a Python table.
    pub(crate) fn from_core(t: ResultTable) -> PyResult<Table> {
        if !t.is_rectangular() {
            return Err(errors::coded("table.shape", "columns of different lengths"));
        }
        let fields: Vec<Field> = t
            .columns
            .iter()
            .map(|(n, v)| Field::new(*n, data_type(v), true))
            .collect();
        let arrays = t
            .columns
            .iter()
            .map(|(n, v)| to_array(n, v))
            .collect::<PyResult<Vec<_>>>()?;
        let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
            .map_err(|e| errors::coded("table.arrow", e.to_string()))?;
        Ok(Table { table: t, batch })
    }
}

/// The Arrow C stream of one record batch (the PyCapsule interface).
pub(crate) fn batch_stream<'py>(
    py: Python<'py>,
    batch: &RecordBatch,
    requested_schema: Option<Bound<'py, PyCapsule>>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = batch.schema();
    let array: ArrayRef = Arc::new(StructArray::from(batch.clone()));
    let field = Field::new_struct("", schema.fields().clone(), false)
        .with_metadata(schema.metadata().clone());
    let reader = Box::new(ArrayIterator::new(
        std::iter::once(Ok(array)),
        Arc::new(field),
    ));
    Ok(to_stream_pycapsule(py, reader, requested_schema)?)
}

/// A result table — *taulukko*: findings, indicators, portfolio sums. Speaks the
/// Arrow PyCapsule interface, so ``polars.DataFrame(t)`` and ``pyarrow.table(t)``
/// work directly; money columns are exact ``decimal(18, 2)``.
///
/// >>> t = hanke.ProjectList.load("examples/data/eura/eura2014_projektilista.csv").portfolio()
/// >>> t.column_names[:3]
/// ['key', 'projects', 'granted_eu_state']
/// >>> import polars as pl
/// >>> pl.DataFrame(t).height == t.num_rows
/// True
#[pyclass(frozen, module = "hanke", name = "Table")]
pub(crate) struct Table {
    table: ResultTable,
    batch: RecordBatch,
}

#[pymethods]
impl Table {
    /// The Arrow C stream of the table (the PyCapsule interface).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        batch_stream(py, &self.batch, requested_schema)
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.table.names().into_iter().map(str::to_string).collect()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "Table({:?}, rows={}, columns={:?})",
            self.table.name,
            self.batch.num_rows(),
            self.column_names()
        )
    }

    /// The rows as dicts (money as ``decimal.Decimal``, dates as ``datetime.date``).
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for i in 0..self.batch.num_rows() {
            let row = PyDict::new(py);
            for (name, values) in &self.table.columns {
                row.set_item(*name, cell(values, py, i)?)?;
            }
            out.append(row)?;
        }
        Ok(out)
    }

    /// A ``polars.DataFrame`` (needs polars: ``pip install 'hanke[polars]'``).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pl = optional(slf.py(), "polars", "polars")?;
        pl.getattr("DataFrame")?.call1((slf,))
    }

    /// A ``pyarrow.Table`` (needs pyarrow: ``pip install 'hanke[pyarrow]'``).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pa = optional(slf.py(), "pyarrow", "pyarrow")?;
        pa.getattr("table")?.call1((slf,))
    }

    /// A ``pandas.DataFrame`` (needs pandas and pyarrow: ``pip install 'hanke[pandas]'``).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        optional(slf.py(), "pandas", "pandas")?;
        let pa = optional(slf.py(), "pyarrow", "pandas")?;
        pa.getattr("table")?
            .call1((slf,))?
            .call_method0("to_pandas")
    }
}

/// Imports an optional dependency, or says which extra installs it.
fn optional<'py>(py: Python<'py>, module: &str, extra: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        // echo-safe: names a module and an extra of hanke, no user text; an
        // ImportError is what Python code expects for a missing dependency.
        pyo3::exceptions::PyImportError::new_err(format!(
            // echo-safe: see above
            "this needs {module}, which is not installed: pip install 'hanke[{extra}]'"
        ))
    })
}
