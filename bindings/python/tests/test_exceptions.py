"""Every error family is raised as its class with a code of its family (issue 25).

The class is chosen in one place, from the code; so the same failure is the
same class whichever function meets it, and each class's ``code`` is typed as
the family's ``Literal`` (``hanke.exceptions.MoneyCode``, …).
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Callable
from typing import get_args

import pyarrow as pa
import pytest

import hanke
from hanke import exceptions as ex

ROOT = pathlib.Path(__file__).resolve().parents[3]


def data(path: str) -> str:
    return str(ROOT / "examples" / "data" / path)


def _lahde() -> hanke.Project:
    return hanke.Project.load(data("projects/lahde_mukaan_S20250.json"))


def _merge_other_cut_off() -> None:
    a = hanke.common_indicators(hanke.testing.synthetic_participants(10), cut_off=dt.date(2025, 12, 31))
    b = hanke.common_indicators(hanke.testing.synthetic_participants(10), cut_off=dt.date(2024, 1, 1))
    a.merge(b)


def _unknown_column(tmp: pathlib.Path) -> None:
    path = tmp / "p.csv"
    path.write_text("participant_id;entry_date;Nimi\nP1;2020-01-01;x\n", encoding="utf-8")
    hanke.read_participants(str(path))


# family -> (expected class, a call that fails with a code of that family)
CASES: dict[str, tuple[type[ex.HankeError], Callable[[pathlib.Path], object]]] = {
    "Money": (ex.MoneyError, lambda _: hanke.Money("1.505")),
    "Identifier": (ex.IdentifierError, lambda _: hanke.validate_business_id("2211414-7")),
    "Choice": (ex.ChoiceError, lambda _: _lahde().total("someday")),
    "Period": (
        ex.PeriodError,
        lambda _: hanke.common_indicators(
            pa.table({"participant_id": ["A"], "entry_date": [dt.date(2022, 3, 1)]})
        ),
    ),
    "Json": (ex.JsonError, lambda _: hanke.Project.from_json("{")),
    "Participant": (
        ex.ParticipantError,
        lambda _: hanke.read_participants(data("participants/ilona.csv"), secret=b"short"),
    ),
    "Import": (ex.CsvImportError, _unknown_column),
    "Eura": (ex.EuraError, lambda _: hanke.ProjectList.from_csv("Koodi,Rahasto\nS1,ESR\n")),
    "Indicator": (ex.IndicatorError, lambda _: _merge_other_cut_off()),
    "Export": (
        ex.ExportError,
        lambda _: hanke.EsrReport(
            hanke.Project.from_json('{"name": "Nimetön"}'), dt.date(2024, 1, 1)
        ).to_iati_xml(),
    ),
    "Argument": (ex.ArgumentError, lambda _: hanke.Money(1.5)),  # type: ignore[arg-type]
    "Io": (ex.HankeIOError, lambda _: hanke.Project.load("no/such/project.json")),
}

# Families no Python function can raise: the regional classification is
# read by nearest year (never refused); Python reads activity logs whole (a
# bad one is JSON that cannot be read, a JsonError) and has no API for
# self-assessment instruments yet. The Kotlin binding raises Activity.
NOT_FROM_PYTHON = {"Classification", "Activity", "Assessment"}


@pytest.mark.parametrize("family", sorted(CASES))
def test_each_family_is_caught_by_its_class_and_typed_code(family: str, tmp_path: pathlib.Path) -> None:
    cls, call = CASES[family]
    with pytest.raises(cls) as caught:
        call(tmp_path)
    e = caught.value
    assert type(e) is cls, f"{family}: {type(e).__name__}"
    assert e.family == family and cls is ex.class_for(family)
    # The code is one of the family's typed codes.
    literal = getattr(ex, f"{family}Code")
    assert e.code in get_args(literal) and e.code in cls.codes, e.code
    # Every family is a HankeError; bad input is also a ValueError.
    assert isinstance(e, hanke.HankeError)
    assert isinstance(e, ValueError) == (family not in {"Indicator", "Io"})


def test_every_family_is_covered() -> None:
    families = {name.removesuffix("Code") for name in ex.__all__ if name.endswith("Code")}
    assert families == set(CASES) | NOT_FROM_PYTHON
    for family in families:
        assert ex.class_for(family).codes, family


def test_the_same_failure_is_the_same_class() -> None:
    # JSON that cannot be read, whichever reader: a JsonError (a ValueError).
    readers = [
        lambda: hanke.Project.from_json("{"),
        lambda: hanke.Indicators.from_json("{"),
        lambda: hanke.ActivityLog.from_json("{"),
    ]
    for read in readers:
        with pytest.raises(ex.JsonError) as e:
            read()
        assert isinstance(e.value, ValueError) and e.value.code in ex.JsonError.codes


def test_result_tables_have_the_cores_columns() -> None:
    """The same table definitions in every language: tests/vectors/result_tables.json."""
    import json

    expected = json.loads((ROOT / "tests" / "vectors" / "result_tables.json").read_text(encoding="utf-8"))
    ind = hanke.common_indicators(hanke.testing.synthetic_participants(20), cut_off=dt.date(2025, 12, 31))
    assert ind.table().column_names == expected["indicators"]
    assert ind.published_table().column_names == expected["published_indicators"]
    assert hanke.rule_table().column_names == expected["rules"]
    ps = hanke.read_participants(data("participants/ilona.csv"), accept_temporary_codes=True)
    assert ps.findings_table().column_names == expected["findings"]
