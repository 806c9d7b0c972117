//! Indicators straight from an Arrow table (polars, pyarrow, anything with
//! `__arrow_c_stream__`), read in place by the core (`hanke::participant::
//! columns::arrow`), and the benchmark data set as an Arrow table.

use arrow_array::RecordBatch;
use hanke::import::arrow::{add_batches_parallel, to_record_batch};
use hanke::indicator::CommonIndicators;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use pyo3_arrow::PyTable;

use crate::analysis::{PyIndicators, catalogue_for, read_options, rules};
use crate::errors;
use crate::project::parse_period;
use crate::table::batch_stream;

/// A polars frame's categoricals by their codes: the record batches, and the
/// labels of their integer columns given apart.
struct ByCode {
    batches: Vec<RecordBatch>,
    categories: Vec<(String, arrow_array::ArrayRef)>,
}

/// The record batches of any object with ``__arrow_c_stream__``, and into
/// `options.categories` the labels some of their integer columns need (a
/// polars frame's categoricals by their codes) — set here, with the batches,
/// so that no caller reads those codes without their labels. A stream the
/// Arrow library cannot import is a ``ValidationError`` with code
/// ``table.arrow``, never a bare ``TypeError``.
pub(crate) fn batches_of(
    data: &Bound<'_, PyAny>,
    options: &mut hanke::import::ImportOptions,
) -> PyResult<Vec<RecordBatch>> {
    if let Some(ByCode {
        batches,
        categories,
    }) = polars_categoricals_by_code(data)
    {
        options.categories = categories;
        return Ok(batches);
    }
    options.categories = Vec::new();
    exported_batches(data)
}

/// What `data` is instead of a table, said as an `argument.type` error
/// (`ArgumentError`, a `TypeError`) with what to do — a LazyFrame not yet
/// collected, a single column, a path or rows given where a table is asked —
/// or `None` for anything with `__arrow_c_stream__` that is not a column.
pub(crate) fn not_a_table(data: &Bound<'_, PyAny>, paths_too: bool) -> Option<PyErr> {
    let name = data
        .get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string());
    let streams = data.hasattr("__arrow_c_stream__").unwrap_or(false);
    // A polars Series, a pyarrow Array or ChunkedArray: one column's stream.
    let column =
        matches!(name.as_str(), "Series" | "Array" | "ChunkedArray") || name.ends_with("Array");
    if streams && !column {
        return None;
    }
    let expected = if paths_too {
        "a file path (str or os.PathLike) or a table with __arrow_c_stream__ (a polars or pandas DataFrame, a pyarrow Table)"
    } else {
        "a table with __arrow_c_stream__ (a polars or pandas DataFrame, a pyarrow Table)"
    };
    let hint = match name.as_str() {
        "LazyFrame" => " — collect() it first",
        _ if column => " — a single column is not a table: give the DataFrame, or to_frame() it",
        "str" | "PosixPath" | "WindowsPath" if !paths_too => {
            " — read a file with read_participants(path), then .indicators()"
        }
        "dict" | "list" => " — make a DataFrame of it first (polars.DataFrame(...))",
        _ => "",
    };
    Some(errors::coded(
        "argument.type",
        format!("expected {expected}, not {name}{hint}"),
    ))
}

/// The batches of `data`'s own Arrow export.
fn exported_batches(data: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    if let Some(e) = not_a_table(data, false) {
        return Err(e);
    }
    match data.extract::<PyTable>() {
        Ok(table) => Ok(table.into_inner().0),
        Err(e) => {
            let why = Python::attach(|py| e.value(py).to_string());
            let hint = if why.contains("\"Null\"") {
                " (a polars column of dtype Null, every value missing, is exported with a buffer Arrow does not expect: cast it, e.g. pl.col(name).cast(pl.String), or leave it out)"
            } else {
                ""
            };
            Err(errors::coded(
                "table.arrow",
                hanke::ids::redact(&format!(
                    "the table cannot be read through the Arrow interface: {why}{hint}"
                ))
                .into_owned(),
            ))
        }
    }
}

/// A polars (≥ 2) DataFrame with `Categorical` columns, its categoricals taken
/// by their physical codes (issue 29). Polars' own Arrow export re-maps every
/// categorical's codes from its global category list to a per-column
/// dictionary — about 6 ms a column per million rows, most of what a polars
/// frame cost over a pyarrow table. Instead the codes (`to_physical()`, no
/// copy) are exported as `UInt32` and handed to the core beside the category
/// list itself (`dtype.categories.to_series()`; `ImportOptions::categories`),
/// which reads them as the dictionary they make: the same labels at the same
/// rows, read by the core's one column reader, so the counts, notes and
/// errors are those of the plain export (tests
/// `test_polars_categoricals_by_code_read_as_exported`), and a code past the
/// list is refused at its row. A polars frame without categoricals is
/// taken here too, for its chunks ([`polars_batches`]; `categories` empty).
/// `None` — and the plain export — for anything else: not polars, another
/// polars version's API, a category list in more than one chunk or longer
/// than 4 096 entries.
fn polars_categoricals_by_code(data: &Bound<'_, PyAny>) -> Option<ByCode> {
    /// The longest category list read by codes.
    const MAX_SHARED_CATEGORIES: usize = 4_096;

    let py = data.py();
    let module = data.get_type().module().ok()?;
    if !module.to_str().ok()?.starts_with("polars") {
        return None;
    }
    let pl = py.import("polars").ok()?;
    let categorical = pl.getattr("Categorical").ok()?;
    let mut categories: Vec<(String, arrow_array::ArrayRef)> = Vec::new();
    // Every categorical of a session shares one list: exported once, each
    // later column finding it equal (`Categories.__eq__`) — ten exports of
    // the same list were a third of this function's time.
    let mut lists: Vec<(Bound<'_, PyAny>, arrow_array::ArrayRef)> = Vec::new();
    for item in data
        .getattr("schema")
        .ok()?
        .call_method0("items")
        .ok()?
        .try_iter()
        .ok()?
    {
        let (name, dtype): (String, Bound<'_, PyAny>) = item.ok()?.extract().ok()?;
        if !dtype.is_instance(&categorical).ok()? {
            continue;
        }
        let list = dtype.getattr("categories").ok()?;
        let known = lists
            .iter()
            .find(|(l, _)| l.eq(&list).unwrap_or(false))
            .map(|(_, values)| values.clone());
        let values = match known {
            Some(values) => values,
            None => {
                let series = list
                    .call_method0("to_series")
                    .ok()?
                    .extract::<pyo3_arrow::PyChunkedArray>()
                    .ok()?;
                let (chunks, _) = series.into_inner();
                let [values] = <[arrow_array::ArrayRef; 1]>::try_from(chunks).ok()?;
                lists.push((list, values.clone()));
                values
            }
        };
        // The list is polars' global one, shared by every categorical of the
        // session; each entry is read once per column. A long list (a column
        // of names or free text made categorical elsewhere) would cost more
        // than polars' export, which keeps the entries a column uses.
        if values.len() > MAX_SHARED_CATEGORIES {
            return None;
        }
        categories.push((name, values));
    }
    let names: Vec<&str> = categories.iter().map(|(n, _)| n.as_str()).collect();
    let batches = polars_batches(data, &pl, &names)?;
    // The codes stay as they are exported (`uint32`), their labels beside
    // them: the core reads them as the dictionary they make and checks every
    // present code against the list (a code past it is refused at its row),
    // so no Arrow dictionary is built here — building one checks every code
    // once more (`DictionaryArray::try_new`, ≈ 0.2× the kernel; ADR 0025 §11).
    let all_codes = batches.iter().all(|batch| {
        categories.iter().all(|(name, _)| {
            batch
                .column_by_name(name)
                .is_some_and(|c| c.data_type() == &arrow_schema::DataType::UInt32)
        })
    });
    all_codes.then_some(ByCode {
        batches,
        categories,
    })
}

/// A polars frame's record batches, its categoricals `coded` as their
/// physical codes: the frame's own export where every column is one chunk;
/// else each column exported on its own (a polars `Series` hands over its
/// chunks as they are) and the columns cut at every chunk boundary by the
/// core (`batches_of_chunks`, zero-copy slices). Polars' export of a frame of
/// several chunks — what `read_csv` or `scan_*().collect()` give — first
/// copies every column into one chunk, and so does `with_columns` on a frame
/// whose columns are chunked differently: 15 ms at 1 M rows, more than
/// hanke's whole count (issue 29). `None` where either way fails (the caller
/// then takes the frame's plain export, which says why).
fn polars_batches(
    data: &Bound<'_, PyAny>,
    pl: &Bound<'_, PyAny>,
    coded: &[&str],
) -> Option<Vec<RecordBatch>> {
    let chunks: Vec<usize> = data
        .call_method1("n_chunks", ("all",))
        .ok()?
        .extract()
        .ok()?;
    if chunks.iter().all(|&c| c <= 1) {
        let frame = if coded.is_empty() {
            data.clone()
        } else {
            let codes = pl
                .call_method1("col", (coded.to_vec(),))
                .ok()?
                .call_method0("to_physical")
                .ok()?;
            data.call_method1("with_columns", (codes,)).ok()?
        };
        return exported_batches(&frame).ok();
    }
    let names: Vec<String> = data.getattr("columns").ok()?.extract().ok()?;
    let mut columns = Vec::with_capacity(names.len());
    for name in names {
        let mut series = data.call_method1("get_column", (name.as_str(),)).ok()?;
        if coded.contains(&name.as_str()) {
            series = series.call_method0("to_physical").ok()?;
        }
        let (chunks, _) = series
            .extract::<pyo3_arrow::PyChunkedArray>()
            .ok()?
            .into_inner();
        columns.push((name, chunks));
    }
    hanke::import::arrow::batches_of_chunks(&columns)
}

/// Whether ``data`` is read by its polars categoricals' physical codes (a
/// polars frame with categoricals and short category lists) rather than
/// through polars' own export — for tests and for a user who wonders why a
/// frame is slower than another.
///
/// >>> import polars as pl
/// >>> hanke.testing.reads_categoricals_by_code(pl.DataFrame({"gender": ["woman"]}, schema={"gender": pl.Categorical}))
/// True
#[pyfunction]
pub(crate) fn reads_categoricals_by_code(data: &Bound<'_, PyAny>) -> bool {
    polars_categoricals_by_code(data).is_some_and(|b| !b.categories.is_empty())
}

/// The rows of each record batch hanke reads ``data`` as — one batch for a
/// pyarrow table of one chunk or a polars frame of one chunk a column; a
/// polars frame of several chunks as its columns' chunks, cut at every chunk
/// boundary, without copying (where polars' export of the whole frame first
/// copies it into one chunk). For tests, and for a user who wonders how a
/// frame is read.
///
/// >>> import polars as pl
/// >>> day = datetime.date(2024, 1, 1)
/// >>> df = pl.concat([pl.DataFrame({"entry_date": [day] * n}) for n in (2, 3)], rechunk=False)
/// >>> hanke.testing.batch_rows(df)
/// [2, 3]
#[pyfunction]
pub(crate) fn batch_rows(data: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let mut options = hanke::import::ImportOptions::default();
    Ok(batches_of(data, &mut options)?
        .iter()
        .map(RecordBatch::num_rows)
        .collect())
}

/// A column reader's error: the table's columns as a file's header (the
/// same class and code for the same mistake), a value as any other value —
/// the class follows the code.
pub(crate) fn columns_error(e: hanke::participant::columns::ColumnsError) -> PyErr {
    errors::raise(e)
}

/// Every batch of `batches` into one computation, without the GIL; the
/// computation and the notes on values taken as changed.
fn compute(
    py: Python<'_>,
    batches: &[RecordBatch],
    mut ind: CommonIndicators,
    options: &hanke::import::ImportOptions,
    threads: std::num::NonZeroUsize,
) -> PyResult<(CommonIndicators, Vec<hanke::Finding>)> {
    let notes = py
        .detach(|| add_batches_parallel(&mut ind, batches, options, threads))
        .map_err(columns_error)?;
    Ok((ind, notes))
}

/// The EU common indicators of a participant table — any object with
/// ``__arrow_c_stream__`` (a polars DataFrame, a pyarrow Table, ``hanke.
/// synthetic_participants``) — read by the same column reader as
/// ``read_participants``: the same names (the file's, in English, Finnish or
/// Swedish), types, values and row numbers (from 0). ``Date32`` dates,
/// categorical (dictionary) labels, integer education levels and booleans are
/// read where they lie, without a copy; other types are converted once. A value
/// ``read_participants`` would reject is a ``ValidationError`` with its row
/// (``columns.*``); an unknown or repeated column ``import.unknown_column`` /
/// ``import.duplicate_column`` (``ignore_columns`` names columns to leave out).
/// ``period`` as in ``read_participants``: told from the entry dates where
/// certain, else required. Notes on values taken as changed (a timestamp's
/// time of day, time zones read as Helsinki days) are in ``.notes()``, and so
/// is each ``participant_id`` on several rows (``PART-DUP-003``: the rows are
/// counted as that many participants, as ``read_participants`` says too), and
/// the rows whose entry or exit date lies outside the period's eligibility
/// window (``PART-PLAUS-003``, one note each with how many and the first row:
/// counted as given, as ``read_participants`` counts them and says of each).
///
/// ``objective="l"``: an ESF+ operation under specific objective (l) of Reg.
/// 2021/1057 Art 4(1) reports of Annex I point 1.1 only the total and the age
/// groups — a record needs only gender and birth date, and the labour-market
/// and education indicators are not reported (``None``). Other letters up to
/// (k) change nothing; (m) and 2014–2020 raise ``ValidationError``
/// ``programme.objective``.
///
/// ``threads``: count on up to that many threads (a large table is split into
/// row ranges of at least 65 536 rows; the result is identical for any
/// number). One by default: hanke takes no core it was not given.
///
/// >>> import polars as pl, datetime as dt
/// >>> df = pl.DataFrame({"entry_date": [dt.date(2024, 2, 1)], "gender": ["nainen"]})
/// >>> hanke.common_indicators(df).grand_total["women"]
/// 1
#[doc = include_str!("participant-format.md")]
#[pyfunction]
#[pyo3(
    signature = (data, period = None, catalogue = None, cut_off = None, *, accept_temporary_codes = false, ignore_columns = None, objective = None, threads = crate::args::Threads::ONE),
    text_signature = "(data, period=None, catalogue=None, cut_off=None, *, accept_temporary_codes=False, ignore_columns=None, objective=None, threads=1)"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "keyword arguments of one Python function"
)]
pub(crate) fn common_indicators(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    period: Option<&str>,
    catalogue: Option<&str>,
    cut_off: Option<crate::args::Day>,
    accept_temporary_codes: bool,
    ignore_columns: Option<Vec<String>>,
    objective: Option<&str>,
    threads: crate::args::Threads,
) -> PyResult<PyIndicators> {
    let cut_off = cut_off.map(|d| d.0);
    let threads = threads.0;
    let mut options = read_options(accept_temporary_codes, ignore_columns, None)?;
    let batches = batches_of(data, &mut options)?;
    let period = match period {
        Some(p) => crate::project::parse_period(p)?,
        // Told by the entry dates, read in place (the core's inference).
        None => hanke::import::arrow::infer_period(&batches, &options)
            .map_err(columns_error)?
            .map_err(errors::raise)?,
    };
    // The core reads the objective (`programme.objective` when refused).
    let rules = match objective {
        Some(o) => rules(period)?.for_objective(o).map_err(errors::raise)?,
        None => *rules(period)?,
    };
    let catalogue = catalogue_for(period, catalogue)?;
    let ind = CommonIndicators::new(catalogue, &rules, cut_off).map_err(errors::raise)?;
    let (ind, notes) = compute(py, &batches, ind, &options, threads)?;
    Ok(PyIndicators::with_notes(ind, notes))
}

/// Times the core's computation over ``data`` from Rust, after one conversion,
/// ``repeat`` times; returns the seconds of each run. The Python-free figure
/// of the benchmark comparison (``benches/compare.py``).
///
/// >>> len(hanke.testing.time_common_indicators(hanke.testing.synthetic_participants(100), repeat=2))
/// 2
#[pyfunction]
#[pyo3(
    signature = (data, repeat = crate::args::Whole(5), period = "2021-2027", catalogue = None, cut_off = None, threads = crate::args::Threads::ONE),
    text_signature = "(data, repeat=5, period='2021-2027', catalogue=None, cut_off=None, threads=1)"
)]
pub(crate) fn time_common_indicators(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    repeat: crate::args::Whole<usize>,
    period: &str,
    catalogue: Option<&str>,
    cut_off: Option<crate::args::Day>,
    threads: crate::args::Threads,
) -> PyResult<Vec<f64>> {
    let cut_off = cut_off.map(|d| d.0);
    let threads = threads.0;
    let period = parse_period(period)?;
    let rules = rules(period)?;
    let catalogue = catalogue_for(period, catalogue)?;
    let mut options = hanke::import::ImportOptions::default();
    let batches = batches_of(data, &mut options)?;
    // A timing helper: a thousand runs is more than any measurement needs,
    // and the bound keeps `repeat=2**62` from reserving memory it cannot have.
    let repeat = repeat.0;
    if repeat > 1000 {
        return Err(errors::coded(
            "argument.range",
            format!("{repeat} runs asked; at most 1000"),
        ));
    }
    let mut times = Vec::with_capacity(repeat);
    for _ in 0..repeat {
        let ind = CommonIndicators::new(catalogue, rules, cut_off).map_err(errors::raise)?;
        let start = std::time::Instant::now();
        std::hint::black_box(compute(py, &batches, ind, &options, threads)?);
        times.push(start.elapsed().as_secs_f64());
    }
    Ok(times)
}

/// The benchmark data set — the first ``n`` synthetic participants that
/// hanke's benchmarks run on (fixed seeds; no identity codes) — as an Arrow
/// table: ``polars.DataFrame(t)``, ``pyarrow.table(t)``.
///
/// >>> t = hanke.testing.synthetic_participants(1000)
/// >>> t.num_rows
/// 1000
#[pyfunction]
#[pyo3(signature = (n, period = "2021-2027"))]
pub(crate) fn synthetic_participants(
    py: Python<'_>,
    n: crate::args::Whole<usize>,
    period: &str,
) -> PyResult<ParticipantData> {
    let rules = rules(parse_period(period)?)?;
    let max = hanke::synthetic::MAX_SYNTHETIC_RECORDS;
    let n = n.0;
    if n > max {
        return Err(errors::coded(
            "argument.range",
            format!("{n} records asked; at most {max} are made (memory)"),
        ));
    }
    let batch = py
        .detach(|| {
            let table = hanke::synthetic::benchmark_table(n, rules);
            to_record_batch(&table)
        })
        .map_err(|e| errors::coded("table.arrow", e.to_string()))?;
    Ok(ParticipantData { batch })
}

/// Participant records as an Arrow table — *osallistujatiedot* — in the column
/// layout ``common_indicators`` reads without copying.
///
/// >>> hanke.testing.synthetic_participants(10).column_names[:3]
/// ['entry_date', 'birth_date', 'gender']
#[pyclass(frozen, module = "hanke", name = "ParticipantData")]
pub(crate) struct ParticipantData {
    batch: RecordBatch,
}

#[pymethods]
impl ParticipantData {
    /// The Arrow C stream (the PyCapsule interface).
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
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("ParticipantData(rows={})", self.batch.num_rows())
    }
}
