//! Python values as JSON values, for the `from_dict` constructors: the dict
//! a user builds in Python holds `Decimal`, `datetime.date` and hanke's own
//! values beside `str` and `int`, and each is given to the core in the JSON
//! form the core reads — the core then decides, with its coded errors.
//!
//! | Python | JSON |
//! |---|---|
//! | `None`, `bool`, `str` | as is |
//! | `int` | a number (beyond 64 bits: `argument.range`) |
//! | `float` | a number (not finite: `argument.type`) |
//! | `decimal.Decimal` | its text (`"1500.50"`; not finite: `argument.type`) |
//! | `datetime.date` | ISO 8601 (`"2020-05-01"`) |
//! | `datetime.datetime` | `argument.type`: a time of day is not a day (`.date()` says which day is meant) |
//! | `Money`, `Rate`, `BusinessId`, `ProjectCode` | the core's JSON form |
//! | `dict` (str keys), `list`, `tuple` | object, array |
//! | anything else | `argument.type` |

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::errors;
use crate::values::{PyBusinessId, PyMoney, PyProjectCode, PyRate};

/// How deep a value may nest: a project's JSON form is a few levels deep, and
/// a self-referencing list must not recurse without end.
const MAX_DEPTH: usize = 64;

fn refuse(code: &str, at: &str, what: String) -> PyErr {
    let at = if at.is_empty() { "the value" } else { at };
    errors::coded(code, format!("{at}: {what}"))
}

/// `obj` as a JSON value; `at` is its path, for messages.
pub(crate) fn to_json(obj: &Bound<'_, PyAny>, at: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(refuse(
            "argument.type",
            at,
            format!("nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_string()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Err(refuse(
            "argument.range",
            at,
            "a whole number beyond 64 bits".to_string(),
        ));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                refuse(
                    "argument.type",
                    at,
                    "a number that is not finite".to_string(),
                )
            });
    }
    if obj.cast::<PyDateTime>().is_ok() {
        return Err(refuse(
            "argument.type",
            at,
            "a datetime where a day is expected: give a datetime.date (dt.date() in the time zone that is meant)".to_string(),
        ));
    }
    if obj.cast::<PyDate>().is_ok() {
        let text: String = obj.call_method0("isoformat")?.extract()?;
        return Ok(Value::String(text));
    }
    if let Ok(m) = obj.cast::<PyMoney>() {
        return serde_value(&m.get().0, at);
    }
    if let Ok(r) = obj.cast::<PyRate>() {
        return serde_value(&r.get().0, at);
    }
    if let Ok(b) = obj.cast::<PyBusinessId>() {
        return serde_value(&b.get().0, at);
    }
    if let Ok(c) = obj.cast::<PyProjectCode>() {
        return serde_value(&c.get().0, at);
    }
    let decimal = py.import("decimal")?.getattr("Decimal")?;
    if obj.is_instance(&decimal)? {
        if !obj.call_method0("is_finite")?.extract::<bool>()? {
            return Err(refuse(
                "argument.type",
                at,
                "a Decimal that is not finite".to_string(),
            ));
        }
        // `format(d, "f")`: never exponent notation (`1E+3`).
        let text: String = py
            .import("builtins")?
            .getattr("format")?
            .call1((obj, "f"))?
            .extract()?;
        return Ok(Value::String(text));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(refuse(
                    "argument.type",
                    at,
                    format!("a key that is not a str ({})", k.get_type().name()?),
                ));
            };
            let key = key.to_str()?.to_string();
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            map.insert(key, to_json(&v, &path, depth.saturating_add(1))?);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for (i, v) in obj.try_iter()?.enumerate() {
            items.push(to_json(
                &v?,
                &format!("{at}[{i}]"),
                depth.saturating_add(1),
            )?);
        }
        return Ok(Value::Array(items));
    }
    Err(refuse(
        "argument.type",
        at,
        format!(
            "a {} cannot be given in the JSON form (use str, int, Decimal, date, Money, list or dict)",
            obj.get_type().name()?
        ),
    ))
}

fn serde_value<T: serde::Serialize>(v: &T, at: &str) -> PyResult<Value> {
    serde_json::to_value(v).map_err(|e| refuse("argument.type", at, e.to_string()))
}
