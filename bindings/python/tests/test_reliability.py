"""A panic inside Rust reaches Python as an exception, never an abort
(issue 10; RELIABILITY.md)."""

import pytest

import hanke
from hanke import _native


def test_a_panic_is_an_exception_and_the_interpreter_goes_on():
    with pytest.raises(BaseException) as caught:
        _native._panic_probe()
    # pyo3 raises PanicException (a BaseException, so that `except Exception`
    # does not swallow a defect) with the panic's message.
    assert type(caught.value).__name__ == "PanicException"
    assert "deliberate panic" in str(caught.value)
    # The module still works after the panic.
    assert hanke.Money("1,50").cents == 150
    with pytest.raises(BaseException):
        _native._panic_probe()
    hanke.validate_business_id("2211414-8")
    with pytest.raises(hanke.ValidationError) as bad:
        hanke.validate_business_id("2211414-7")
    assert bad.value.code == "business_id.check_digit"
