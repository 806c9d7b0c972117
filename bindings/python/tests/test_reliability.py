"""A panic inside Rust reaches Python as an exception, never an abort
(issue 10; RELIABILITY.md)."""

import pytest

import hanke
from conftest import vectors
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


@pytest.mark.parametrize("case", vectors("small_numbers.json"), ids=lambda c: c["name"])
def test_small_number_vectors(case: dict) -> None:
    cells, total = hanke.suppress_small_counts(case["counts"], min_group=case["min_group"])
    assert cells == case["cells"]
    assert total == case["total"]


def test_published_indicators_hide_small_counts_and_keep_the_rest_exact() -> None:
    ind = hanke.common_indicators(hanke.testing.synthetic_participants(60))
    exact = {r["code"]: r for r in ind.table().to_pylist()}
    published = ind.published_table().to_pylist()
    assert len(published) == len(exact)
    hidden = 0
    for row in published:
        for col in ("women", "men", "non_binary", "unknown", "total"):
            shown, true = row[col], exact[row["code"]][col]
            if shown is None:
                hidden += true is not None
            else:
                assert shown == true and (shown == 0 or shown >= 10)
    assert hidden > 0
    assert ind.published_table(min_group=0).to_pylist() == [
        {**r, "suppressed": None if r["total"] is None else 0}
        for r in (
            {k: v for k, v in row.items() if k != "code_verified"}
            for row in ind.table().to_pylist()
        )
    ]
    md = ind.published_markdown(lang="en")
    assert ".. = fewer than 10 people" in md and "| Code | Indicator |" in md
    with pytest.raises(hanke.ValidationError):
        ind.published_markdown(lang="de")
