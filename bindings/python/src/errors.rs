//! Errors raised as the Python exceptions of `hanke.exceptions`, with the
//! core's stable code and message.
//!
//! One mapping, from the code: its family in the core's catalogue
//! (`hanke::errors::family_of`, or this binding's own codes in `codes.rs`)
//! names the class (`hanke.exceptions.class_for`). No call site chooses a
//! class, so the same failure raises the same class wherever it is met.
//! The hierarchy lives in Python because `ValidationError` subclasses both
//! `HankeError` and `ValueError`, which `create_exception!` (one base) cannot say.

use pyo3::prelude::*;

/// The family of `code`: the core's, else this binding's own.
fn family(code: &str) -> hanke::errors::Family {
    hanke::errors::family_of(code)
        .or_else(|| {
            crate::codes::BINDING_CODES
                .iter()
                .find(|c| c.code.code == code)
                .map(|c| c.family)
        })
        // A code in neither list fails the catalogue tests (and the debug
        // assertion below); a release build still raises a coded argument error.
        .unwrap_or(hanke::errors::Family::Argument)
}

/// The exception of `code` with `message`.
///
/// Every exception the binding raises is made here, and its message passes
/// [`hanke::echo::plain`] here: whatever a message repeats (an argument, a
/// path, a core message) reaches Python with identity codes masked and tags
/// defanged, so that a new message cannot forget it (the guard test in
/// `crates/hanke-checks/tests/guard.rs` keeps exceptions from being made elsewhere).
pub(crate) fn coded(code: &str, message: impl Into<String>) -> PyErr {
    debug_assert!(
        hanke::errors::is_known(code)
            || crate::codes::BINDING_CODES
                .iter()
                .any(|c| c.code.code == code),
        "{code} is in neither the core's catalogue nor this binding's codes"
    );
    let message = hanke::echo::plain(&message.into()).into_owned();
    Python::attach(|py| {
        let class = py
            .import("hanke.exceptions")
            .and_then(|m| m.call_method1("class_for", (family(code).name(),)));
        match class.and_then(|c| c.call1((message, code))) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    })
}

/// Core errors with a stable code.
pub(crate) trait Coded: std::fmt::Display {
    fn code(&self) -> &'static str;
}

macro_rules! coded_types {
    ($($t:ty),* $(,)?) => {
        $(impl Coded for $t {
            fn code(&self) -> &'static str {
                <$t>::code(self)
            }
        })*
    };
}

coded_types!(
    hanke::MoneyError,
    hanke::ids::IdError,
    hanke::ids::HetuError,
    hanke::project::JsonError,
    hanke::project::PeriodError,
    hanke::import::ImportError,
    hanke::indicator::IndicatorError,
    hanke::activity::ActivityError,
    hanke::eura::ListImportError,
    hanke::participant::PseudonymError,
    hanke::sync::SyncError,
    hanke::sfc::SfcError,
    hanke::export::ExportError,
    hanke::import::UnknownEncoding,
    hanke::rulebook::PeriodInferenceError,
    hanke::choice::ChoiceError,
    hanke::classify::ClassifyError,
    hanke::org::EmailError,
    hanke::participant::ParticipantError,
    hanke::participant::ParticipantJsonError,
    hanke::participant::UnknownExitSituation,
    hanke::participant::columns::ColumnsError,
    hanke::participant::fields::HeaderError,
    hanke::assessment::AssessmentError,
);

/// The exception of a core error: its class from its code.
pub(crate) fn raise<E: Coded>(e: E) -> PyErr {
    coded(e.code(), e.to_string())
}

/// An I/O failure on `path`.
pub(crate) fn io(path: &str, e: &std::io::Error) -> PyErr {
    // A file name can be anything: masked, as every message is, by `coded`.
    coded("io.open", format!("{path}: {e}"))
}
