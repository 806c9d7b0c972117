//! The Python module `hanke._native`: conversions between Python and the hanke
//! core. No rule lives here — every decision is the core's.

mod analysis;
mod args;
mod codes;
mod columns;
mod errors;
mod eura;
mod project;
mod pyjson;
mod sfc;
mod sync;
mod table;
mod values;

use pyo3::prelude::*;

/// The native part of the Python package ``hanke``; import ``hanke`` instead.
/// ``"release"`` or ``"debug"``: how the native module was compiled. Timings of
/// a debug build mean nothing (``benches/compare.py`` refuses them).
///
/// >>> import hanke
/// >>> hanke.testing.build_profile() in ("debug", "release")
/// True
#[pyfunction]
fn build_profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

/// Panics on purpose, inside Rust. It exists so that the test suite can prove
/// that a defect in hanke reaches Python as an exception
/// (``pyo3_runtime.PanicException``, which pyo3 raises for any Rust panic)
/// and never aborts the interpreter (RELIABILITY.md). Not part of the API.
#[pyfunction]
#[allow(clippy::panic)]
fn _panic_probe() {
    panic!("a deliberate panic from hanke._native._panic_probe");
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(build_profile, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_probe, m)?)?;
    m.add_class::<values::PyMoney>()?;
    m.add_class::<values::PyRate>()?;
    m.add_class::<values::PyBusinessId>()?;
    m.add_class::<values::PyProjectCode>()?;
    m.add_function(wrap_pyfunction!(values::validate_business_id, m)?)?;
    m.add_function(wrap_pyfunction!(values::validate_identity_code, m)?)?;
    m.add_function(wrap_pyfunction!(values::pseudonym, m)?)?;
    m.add_function(wrap_pyfunction!(values::validate_project_code, m)?)?;
    m.add_class::<table::Table>()?;
    m.add_class::<sync::PySyncRecord>()?;
    m.add_class::<sync::PyMergeOutcome>()?;
    m.add_function(wrap_pyfunction!(sync::merge, m)?)?;
    m.add_function(wrap_pyfunction!(sfc::sfc_kit, m)?)?;
    m.add_function(wrap_pyfunction!(sfc::sfc_tables, m)?)?;
    m.add_function(wrap_pyfunction!(sfc::compare_sfc_tables, m)?)?;
    m.add_class::<project::PyFinding>()?;
    m.add_class::<project::PyProject>()?;
    m.add_function(wrap_pyfunction!(project::programmes, m)?)?;
    m.add_function(wrap_pyfunction!(project::programme, m)?)?;
    m.add_function(wrap_pyfunction!(project::priority, m)?)?;
    m.add_function(wrap_pyfunction!(project::specific_objective, m)?)?;
    m.add_function(wrap_pyfunction!(project::municipality, m)?)?;
    m.add_function(wrap_pyfunction!(project::region, m)?)?;
    m.add_class::<analysis::PyParticipants>()?;
    m.add_class::<analysis::PyIndicators>()?;
    m.add_class::<analysis::PyActivityLog>()?;
    m.add_class::<analysis::PyEsrReport>()?;
    m.add_function(wrap_pyfunction!(analysis::read_participants, m)?)?;
    m.add_class::<columns::ParticipantData>()?;
    m.add_function(wrap_pyfunction!(columns::common_indicators, m)?)?;
    m.add_function(wrap_pyfunction!(columns::time_common_indicators, m)?)?;
    m.add_function(wrap_pyfunction!(columns::reads_categoricals_by_code, m)?)?;
    m.add_function(wrap_pyfunction!(columns::batch_rows, m)?)?;
    m.add_function(wrap_pyfunction!(columns::synthetic_participants, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::portfolio_report, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::suppress_small_counts, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::kohesio_csv, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::check_quality, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::rule_table, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::markdown_html, m)?)?;
    m.add_class::<eura::PyParsed>()?;
    m.add_class::<eura::PyProjectList>()?;
    m.add_function(wrap_pyfunction!(eura::parse_description, m)?)?;
    m.add_function(wrap_pyfunction!(eura::parse_project_page, m)?)?;
    m.add_function(wrap_pyfunction!(eura::render_description, m)?)?;
    Ok(())
}
