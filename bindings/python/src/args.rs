//! Arguments as the binding takes them from Python, refused with a coded
//! [`hanke.ValidationError`] rather than pyo3's bare `TypeError` or
//! `OverflowError`:
//!
//! - [`Whole`]: a Python `int` (not a `bool`) that fits the core's type;
//!   anything else is `argument.type`, an int outside the type's range
//!   `argument.range`, with the range in the message;
//! - [`FilePath`]: a `str` or an `os.PathLike` (`pathlib.Path`); anything
//!   else is `argument.type`;
//! - [`Day`]: a `datetime.date` that is not a `datetime.datetime` (a subclass
//!   of `date`, whose time of day and zone pyo3 would drop without a word:
//!   23:30 UTC on 29 February is 1 March in Helsinki); anything else is
//!   `argument.type`.
//!
//! - [`Threads`]: a Python `int` of at least 1 (the core's `NonZeroUsize`);
//!   `0` or `-1` is `argument.range` saying so, not the range of a machine
//!   integer.
//!
//! The ranges are those of the core's types (a count of days is a `u32`), not
//! rules of the binding.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyInt};

use crate::errors;

/// The name of `obj`'s type, for a message.
fn type_name(obj: &Borrowed<'_, '_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string())
}

/// A whole number argument of the core's integer type `T`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Whole<T>(pub(crate) T);

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl<'a, 'py> FromPyObject<'a, 'py> for Whole<$t> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                if obj.cast::<PyInt>().is_err() || obj.cast::<PyBool>().is_ok() {
                    return Err(errors::coded("argument.type",
                        format!(
                            "expected a whole number (int) from {} to {}, not {}",
                            <$t>::MIN,
                            <$t>::MAX,
                            type_name(&obj)
                        ),
                    ));
                }
                // Through i128, which holds every core integer type; a
                // Python int beyond even that is out of range all the same.
                obj.extract::<i128>()
                    .ok()
                    .and_then(|n| <$t>::try_from(n).ok())
                    .map(Whole)
                    .ok_or_else(|| {
                        errors::coded("argument.range",
                            format!(
                                "{} is outside the whole numbers accepted here ({} to {})",
                                obj.str().map_or_else(|_| "the number".to_string(), |s| s.to_string()),
                                <$t>::MIN,
                                <$t>::MAX
                            ),
                        )
                    })
            }
        }
    )*};
}

whole!(u32, u64, i32, i64, usize);

/// A `threads` argument: a whole number of at least one, as the core's
/// [`std::num::NonZeroUsize`] asks (`ImportOptions::threads`; at most 64
/// are started, whatever it says).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Threads(pub(crate) std::num::NonZeroUsize);

impl Threads {
    /// One thread: the calling one (the default, ADR 0025).
    pub(crate) const ONE: Threads = Threads(std::num::NonZeroUsize::MIN);
}

impl<'a, 'py> FromPyObject<'a, 'py> for Threads {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let accepted = "threads is a whole number (int) of at least 1";
        if obj.cast::<PyInt>().is_err() || obj.cast::<PyBool>().is_ok() {
            return Err(errors::coded(
                "argument.type",
                format!("{accepted}, not {}", type_name(&obj)),
            ));
        }
        obj.extract::<i128>()
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .and_then(std::num::NonZeroUsize::new)
            .map(Threads)
            .ok_or_else(|| {
                let given = obj
                    .str()
                    .map_or_else(|_| "the number".to_string(), |s| s.to_string());
                errors::coded("argument.range", format!("{accepted}, not {given}"))
            })
    }
}

/// A file path argument: `str` or `os.PathLike`.
#[derive(Clone, Debug)]
pub(crate) struct FilePath(pub(crate) PathBuf);

impl FilePath {
    /// The path as text, for messages (masked by `errors::error`).
    pub(crate) fn display(&self) -> String {
        self.0.display().to_string()
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for FilePath {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        obj.extract::<PathBuf>().map(FilePath).map_err(|_| {
            errors::coded(
                "argument.type",
                format!(
                    "expected a file path (str or os.PathLike such as pathlib.Path), not {}",
                    type_name(&obj)
                ),
            )
        })
    }
}

/// A calendar day argument (a cut-off, a day of a record): a `datetime.date`,
/// never a `datetime.datetime` — which day an instant is depends on a zone
/// and a clock the caller, not the binding, decides (`.date()`, or
/// `.astimezone(ZoneInfo("Europe/Helsinki")).date()`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Day(pub(crate) chrono::NaiveDate);

impl<'a, 'py> FromPyObject<'a, 'py> for Day {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.cast::<PyDateTime>().is_ok() {
            return Err(errors::coded(
                "argument.type",
                "expected a day (datetime.date), not a datetime.datetime: its time of day and \
                 zone would be dropped; pass .date() of the day you mean (in Helsinki: \
                 .astimezone(ZoneInfo(\"Europe/Helsinki\")).date())",
            ));
        }
        if obj.cast::<PyDate>().is_err() {
            return Err(errors::coded(
                "argument.type",
                format!("expected a day (datetime.date), not {}", type_name(&obj)),
            ));
        }
        obj.extract::<chrono::NaiveDate>()
            .map(Day)
            .map_err(|_| errors::coded("argument.type", "expected a day (datetime.date)"))
    }
}
