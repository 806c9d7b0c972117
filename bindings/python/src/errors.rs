//! Core errors raised as the Python exceptions of `hanke._errors`, with the
//! core's stable code and message.
//!
//! The hierarchy lives in Python because `ValidationError` subclasses both
//! `HankeError` and `ValueError`, which `create_exception!` (one base) cannot say.

use pyo3::prelude::*;

/// The exception classes of `hanke._errors`.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Validation,
    Json,
    CsvImport,
    Indicator,
    Io,
    Base,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Validation => "ValidationError",
            Kind::Json => "JsonError",
            Kind::CsvImport => "CsvImportError",
            Kind::Indicator => "IndicatorError",
            Kind::Io => "HankeIOError",
            Kind::Base => "HankeError",
        }
    }
}

/// An exception of `kind` with the core's `code` and `message`.
///
/// Every exception the binding raises is made here, and its message passes
/// [`hanke::echo::plain`] here: whatever a message repeats (an argument, a
/// path, a core message) reaches Python with identity codes masked and tags
/// defanged, so that a new message cannot forget it (the guard test in
/// `crates/hanke/tests/guard.rs` keeps exceptions from being made elsewhere).
pub(crate) fn error(kind: Kind, code: &str, message: impl Into<String>) -> PyErr {
    debug_assert!(
        hanke::errors::is_known(code) || crate::codes::BINDING_CODES.iter().any(|c| c.code == code),
        "{code} is in neither the core's catalogue nor this binding's codes"
    );
    let message = hanke::echo::plain(&message.into()).into_owned();
    Python::attach(|py| {
        let class = py
            .import("hanke._errors")
            .and_then(|m| m.getattr(kind.class_name()));
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

macro_rules! coded {
    ($($t:ty),* $(,)?) => {
        $(impl Coded for $t {
            fn code(&self) -> &'static str {
                <$t>::code(self)
            }
        })*
    };
}

coded!(
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
    hanke::export::ExportError,
    hanke::import::UnknownEncoding,
    hanke::rulebook::PeriodInferenceError,
    hanke::choice::ChoiceError,
);

/// The exception for a core error of `kind`.
pub(crate) fn from_core<E: Coded>(kind: Kind, e: E) -> PyErr {
    error(kind, e.code(), e.to_string())
}

/// `map_err` helpers.
pub(crate) fn validation<E: Coded>(e: E) -> PyErr {
    from_core(Kind::Validation, e)
}

pub(crate) fn json<E: Coded>(e: E) -> PyErr {
    from_core(Kind::Json, e)
}

/// An I/O failure on `path`.
pub(crate) fn io(path: &str, e: &std::io::Error) -> PyErr {
    // A file name can be anything: masked, as every message is, by `error`.
    error(Kind::Io, "io.open", format!("{path}: {e}"))
}
