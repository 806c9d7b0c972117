"""Money, rates and identifiers, and the shared vectors for them."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

import hanke
from conftest import vectors


@pytest.mark.parametrize("case", vectors("money_parse.json"), ids=lambda c: c["input"])
def test_money_vectors(case: dict) -> None:
    if "error" in case:
        with pytest.raises(hanke.ValidationError) as e:
            hanke.Money(case["input"])
        assert e.value.code == case["error"]
    else:
        m = hanke.Money(case["input"])
        assert m.cents == case["cents"]
        assert m.plain == case["plain"]
        assert str(m) == case["display"]


@pytest.mark.parametrize("case", vectors("business_id.json"), ids=lambda c: c["input"])
def test_business_id_vectors(case: dict) -> None:
    if "error" in case:
        with pytest.raises(hanke.ValidationError) as e:
            hanke.BusinessId(case["input"])
        assert e.value.code == case["error"]
        assert isinstance(e.value, ValueError)
    else:
        assert str(hanke.BusinessId(case["input"])) == case["canonical"]
        hanke.validate_business_id(case["input"])


@pytest.mark.parametrize("case", vectors("project_code.json"), ids=lambda c: c["input"])
def test_project_code_vectors(case: dict) -> None:
    if "error" in case:
        with pytest.raises(hanke.ValidationError) as e:
            hanke.ProjectCode(case["input"])
        assert e.value.code == case["error"]
    else:
        c = hanke.ProjectCode(case["input"])
        assert (str(c), c.fund, c.period) == (case["canonical"], case["fund"], case["period"])


@pytest.mark.parametrize("case", vectors("shares.json"), ids=lambda c: c["percent"])
def test_share_vectors(case: dict) -> None:
    assert str(hanke.Rate.ratio(case["part"], case["whole"])) == case["percent"]


def test_money_is_exact_and_interoperates_with_decimal() -> None:
    m = hanke.Money(Decimal("89660.50"))
    assert m.to_decimal() == Decimal("89660.50")
    assert hanke.Money(101_500) == hanke.Money("101 500,00 €")
    assert sum([hanke.Money("0.10")] * 3) == hanke.Money("0.30")
    assert hanke.Money("1") > hanke.Money("0.99")
    assert hanke.Money("101 500") - hanke.Money("89 660") == hanke.Money(11_840)
    assert -hanke.Money(5) == hanke.Money("-5")
    assert not hanke.Money(0)
    assert {hanke.Money(1): "a"}[hanke.Money("1.00")] == "a"
    assert repr(m) == "Money('89660.50')"
    assert pickle.loads(pickle.dumps(m)) == m
    assert hanke.Money("101 500").apply_rate(hanke.Rate("50 %")) == hanke.Money(50_750)


def test_money_refuses_floats_and_says_why() -> None:
    with pytest.raises(hanke.ValidationError) as e:
        hanke.Money(0.1)  # type: ignore[arg-type]
    assert e.value.code == "money.float"
    with pytest.raises(ValueError):
        hanke.Money("1.505")
    with pytest.raises(hanke.ValidationError):
        hanke.Money(2**62) + hanke.Money(2**62)  # overflow is an error, not a wrap


def test_rates_are_exact_fractions() -> None:
    r = hanke.Rate.ratio("89 660", "101 500")
    assert r.as_fraction() == Fraction(89_660, 101_500)
    assert str(r) == "88,33 %"
    assert r.percent(1) == "88,3 %"
    assert hanke.Rate("17,5 %") == hanke.Rate("7/40")
    assert pickle.loads(pickle.dumps(r)) == r


def test_identity_codes_are_checked_without_being_echoed() -> None:
    hanke.validate_identity_code("131052-900W", accept_temporary=True)
    with pytest.raises(hanke.ValidationError) as e:
        hanke.validate_identity_code("131052-900W")
    assert "131052-900W" not in str(e.value)
    with pytest.raises(hanke.ValidationError) as e:
        hanke.validate_identity_code("131052-900X", accept_temporary=True)
    assert e.value.code == "hetu.check_character"
    assert "131052-900X" not in str(e.value) and "900X" not in repr(e.value)


def test_percent_decimals_are_bounded_with_a_code() -> None:
    # Issue 23: 65 536 decimals panicked across the FFI; 37 gave wrong digits.
    third = hanke.Rate("1/3")
    assert third.percent(30) == "33," + "3" * 30 + " %"
    for bad in (31, 37, 65_536, -1, 2**80):
        with pytest.raises(hanke.ValidationError) as e:
            third.percent(bad)
        assert e.value.code == "money.decimals"


def test_an_int_past_64_bit_cents_is_out_of_range_not_a_wrong_type() -> None:
    with pytest.raises(hanke.ValidationError) as e:
        hanke.Money(10**30)
    assert e.value.code == "money.overflow"
    with pytest.raises(hanke.ValidationError) as e:
        hanke.Money(-(10**30))
    assert e.value.code == "money.overflow"
    assert hanke.Money(10**15).cents == 10**17
