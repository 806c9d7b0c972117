//! Money, rates and identifiers: exact values, read the way the core reads them.

use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::errors;

/// An exact amount of euros in whole cents — *rahamäärä*. Never a float.
///
/// Made from text in any form Finnish documents use, a ``decimal.Decimal`` or a
/// whole number of euros; ``to_decimal()`` gives it back exactly.
///
/// >>> from decimal import Decimal
/// >>> m = Money("89 660,50 €")
/// >>> m.cents, m.to_decimal(), str(m)
/// (8966050, Decimal('89660.50'), '89 660,50 €')
/// >>> Money(Decimal("0.10")) + Money(1) == Money("1,10")
/// True
#[pyclass(frozen, from_py_object, module = "hanke", name = "Money")]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct PyMoney(pub(crate) hanke::Money);

pub(crate) fn decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("decimal")?.getattr("Decimal")?.call1((text,))
}

impl PyMoney {
    /// Reads a money value from str, Decimal, int (whole euros) or Money.
    pub(crate) fn from_py(value: &Bound<'_, PyAny>) -> PyResult<hanke::Money> {
        if let Ok(m) = value.extract::<PyMoney>() {
            return Ok(m.0);
        }
        if value.is_instance_of::<pyo3::types::PyBool>() {
            return Err(errors::coded("money.type", "a bool is not an amount"));
        }
        if value.is_instance_of::<pyo3::types::PyFloat>() {
            return Err(errors::coded(
                "money.float",
                "floats are not exact: give the amount as a str or decimal.Decimal",
            ));
        }
        if let Ok(n) = value.extract::<i64>() {
            return hanke::Money::from_euros(n).map_err(errors::raise);
        }
        if value.is_instance_of::<pyo3::types::PyInt>() {
            // An int past i64 is an amount out of range, not a wrong type.
            return Err(errors::raise(hanke::MoneyError::Overflow));
        }
        let py = value.py();
        let decimal_type = py.import("decimal")?.getattr("Decimal")?;
        let text: String = if value.is_instance(&decimal_type)? {
            // Decimal's own plain form, e.g. "89660.50" (never exponent notation).
            value.call_method1("__format__", ("f",))?.extract()?
        } else if let Ok(s) = value.cast::<PyString>() {
            s.to_str()?.to_string()
        } else {
            return Err(errors::coded(
                "money.type",
                format!(
                    "an amount is given as str, decimal.Decimal or int, not {}",
                    value.get_type().name()?
                ),
            ));
        };
        text.parse().map_err(errors::raise)
    }
}

#[pymethods]
impl PyMoney {
    #[new]
    fn new(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        PyMoney::from_py(value).map(PyMoney)
    }

    /// An amount from a number of cents.
    ///
    /// >>> Money.from_cents(150).to_decimal()
    /// Decimal('1.50')
    #[staticmethod]
    fn from_cents(cents: crate::args::Whole<i64>) -> Self {
        PyMoney(hanke::Money::from_cents(cents.0))
    }

    /// The amount in cents.
    #[getter]
    fn cents(&self) -> i64 {
        self.0.cents()
    }

    /// The exact amount as ``decimal.Decimal``.
    #[allow(clippy::wrong_self_convention)] // a pymethod: Python's name, on a frozen object
    fn to_decimal<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, &self.0.to_plain_string())
    }

    /// The machine form, ``"89660.50"``.
    #[getter]
    fn plain(&self) -> String {
        self.0.to_plain_string()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Money('{}')", self.0.to_plain_string())
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.extract::<PyMoney>() else {
            return Ok(py.NotImplemented());
        };
        Ok(op
            .matches(self.0.cmp(&other.0))
            .into_pyobject(py)?
            .to_owned()
            .into_any()
            .unbind())
    }

    fn __hash__(&self) -> u64 {
        // Equal amounts hash equal; cents fit in 64 bits.
        self.0.cents() as u64
    }

    fn __add__(&self, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        let other = PyMoney::from_py(other)?;
        self.0
            .checked_add(other)
            .map(PyMoney)
            .map_err(errors::raise)
    }

    fn __radd__(&self, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        // sum() starts from the int 0.
        self.__add__(other)
    }

    fn __sub__(&self, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        let other = PyMoney::from_py(other)?;
        self.0
            .checked_sub(other)
            .map(PyMoney)
            .map_err(errors::raise)
    }

    fn __neg__(&self) -> PyResult<Self> {
        hanke::Money::ZERO
            .checked_sub(self.0)
            .map(PyMoney)
            .map_err(errors::raise)
    }

    fn __bool__(&self) -> bool {
        !self.0.is_zero()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let cls = py.get_type::<PyMoney>();
        let args = PyTuple::new(py, [slf.get().0.to_plain_string()])?;
        PyTuple::new(py, [cls.into_any(), args.into_any()])
    }

    /// ``self × rate``, rounded to the cent half away from zero (the core's one
    /// rounding rule).
    ///
    /// >>> Money("101 500").apply_rate(Rate("50 %"))
    /// Money('50750.00')
    fn apply_rate(&self, rate: &PyRate) -> PyResult<Self> {
        self.0
            .apply_rate(rate.0)
            .map(PyMoney)
            .map_err(errors::raise)
    }
}

/// An exact non-negative rate or share — *osuus* — kept as a reduced fraction.
///
/// >>> r = Rate.ratio(Money("89 660"), Money("101 500"))
/// >>> str(r), r.as_fraction()
/// ('88,33 %', Fraction(4483, 5075))
/// >>> Rate("17,5 %") == Rate("7/40")
/// True
#[pyclass(frozen, eq, hash, module = "hanke", name = "Rate")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PyRate(pub(crate) hanke::Rate);

#[pymethods]
impl PyRate {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        text.parse().map(PyRate).map_err(errors::raise)
    }

    /// ``part ÷ whole`` exactly.
    #[staticmethod]
    fn ratio(part: &Bound<'_, PyAny>, whole: &Bound<'_, PyAny>) -> PyResult<Self> {
        hanke::Rate::ratio(PyMoney::from_py(part)?, PyMoney::from_py(whole)?)
            .map(PyRate)
            .map_err(errors::raise)
    }

    /// The rate as ``fractions.Fraction`` (exact).
    fn as_fraction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (n, d) = self.0.as_fraction();
        py.import("fractions")?.getattr("Fraction")?.call1((n, d))
    }

    /// The percentage rounded half away from zero to ``decimals`` places, Finnish form.
    ///
    /// >>> Rate("2/3").percent(1)
    /// '66,7 %'
    #[pyo3(signature = (decimals = None))]
    fn percent(&self, decimals: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        // Any int the core refuses is refused with the core's code, a huge
        // one too (it is no `i64`); not given, two.
        let asked = decimals
            .map_or(Ok(2), |d| d.extract::<i64>())
            .unwrap_or(i64::MAX);
        self.0.try_to_percent_string(asked).map_err(errors::raise)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        let (n, d) = self.0.as_fraction();
        format!("Rate('{n}/{d}')")
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let (n, d) = slf.get().0.as_fraction();
        let args = PyTuple::new(py, [format!("{n}/{d}")])?;
        PyTuple::new(py, [py.get_type::<PyRate>().into_any(), args.into_any()])
    }
}

/// A Finnish business ID — *Y-tunnus*, with its check digit verified.
///
/// >>> BusinessId("2211414-8")
/// BusinessId('2211414-8')
/// >>> BusinessId("2211414-7")
/// Traceback (most recent call last):
/// ...
/// hanke.exceptions.IdentifierError: business ID "2211414-7" has check digit 7, expected 8
#[pyclass(frozen, eq, hash, module = "hanke", name = "BusinessId")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PyBusinessId(pub(crate) hanke::BusinessId);

#[pymethods]
impl PyBusinessId {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        text.parse().map(PyBusinessId).map_err(errors::raise)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("BusinessId('{}')", self.0)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().0.to_string()])?;
        PyTuple::new(
            py,
            [py.get_type::<PyBusinessId>().into_any(), args.into_any()],
        )
    }
}

/// Checks a business ID; raises ``ValidationError`` saying why it is not one.
///
/// >>> validate_business_id("2211414-8")
#[pyfunction]
pub(crate) fn validate_business_id(text: &str) -> PyResult<()> {
    text.parse::<hanke::BusinessId>()
        .map(|_| ())
        .map_err(errors::raise)
}

/// Checks a personal identity code (*henkilötunnus*); raises ``ValidationError``
/// saying why it is not one, without ever repeating the code. Temporary
/// individual numbers (900–999) are accepted only with ``accept_temporary=True``.
///
/// >>> validate_identity_code("131052-900W", accept_temporary=True)
/// >>> validate_identity_code("131052-900X", accept_temporary=True)
/// Traceback (most recent call last):
/// ...
/// hanke.exceptions.IdentifierError: the check character of the personal identity code does not match
#[pyfunction]
#[pyo3(signature = (text, *, accept_temporary = false))]
pub(crate) fn validate_identity_code(text: &str, accept_temporary: bool) -> PyResult<()> {
    let result = if accept_temporary {
        hanke::PersonalIdentityCode::parse_allowing_temporary(text)
    } else {
        text.parse::<hanke::PersonalIdentityCode>()
    };
    result.map(|_| ()).map_err(errors::raise)
}

/// The keyed pseudonym (64 hexadecimal digits) of an identity code, as
/// ``read_participants(secret=...)`` gives them and as a phone computes before
/// it syncs: HMAC-SHA-256 with ``secret`` (at least 16 bytes). Temporary
/// individual numbers (900–999) only with ``accept_temporary=True``; a refusal
/// never repeats the code.
///
/// >>> pseudonym("131052-900W", b"0123456789abcdef-test-secret", accept_temporary=True)[:16]
/// 'e4e91b6fdbaf1b70'
#[pyfunction]
#[pyo3(signature = (code, secret, *, accept_temporary = false))]
pub(crate) fn pseudonym(code: &str, secret: &[u8], accept_temporary: bool) -> PyResult<String> {
    let p = hanke::participant::Pseudonymiser::new(secret).map_err(errors::raise)?;
    p.pseudonym_of(code, accept_temporary)
        .map(|x| x.to_string())
        .map_err(errors::raise)
}

/// Checks an EURA project code (``S22026``) and gives its canonical form; raises
/// ``ValidationError`` if it is not one.
///
/// >>> validate_project_code(" s20250")
/// 'S20250'
#[pyfunction]
pub(crate) fn validate_project_code(text: &str) -> PyResult<String> {
    text.parse::<hanke::ProjectCode>()
        .map(|c| c.to_string())
        .map_err(errors::raise)
}

/// An EURA project code — *hankekoodi*, with the fund and programme period its
/// series implies (``None`` where hanke does not know the series).
///
/// >>> c = ProjectCode("S22026")
/// >>> c.fund, c.period
/// ('ESR', '2014-2020')
#[pyclass(frozen, eq, hash, module = "hanke", name = "ProjectCode")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PyProjectCode(pub(crate) hanke::ProjectCode);

#[pymethods]
impl PyProjectCode {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        text.parse().map(PyProjectCode).map_err(errors::raise)
    }

    /// The fund of the series: ``'ESR'``, ``'ESR+'``, ``'EAKR'``.
    #[getter]
    fn fund(&self) -> Option<&'static str> {
        self.0.fund().map(|f| f.abbreviation_fi())
    }

    /// The programme period of the series, e.g. ``'2014-2020'``.
    #[getter]
    fn period(&self) -> Option<String> {
        self.0.period().map(crate::project::period_key)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("ProjectCode('{}')", self.0)
    }
}
