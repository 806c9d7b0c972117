"""Participant lists from workbooks (issue 28): ``read_participants`` reads an
``.xlsx`` or ``.ods`` path through the core's reader, with the same account as
the CSV twin and findings that name their cell."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import hanke
from conftest import ROOT

DATA = ROOT / "crates" / "hanke" / "tests" / "data"


@pytest.mark.parametrize("name", ["osallistujat.xlsx", "osallistujat.ods"])
def test_a_workbook_reads_as_its_csv_twin(name: str) -> None:
    twin = hanke.read_participants(
        DATA / "osallistujat.csv", period="2021-2027", accept_temporary_codes=True
    )
    book = hanke.read_participants(DATA / name, period="2021-2027", accept_temporary_codes=True)
    assert (len(book), book.report["rejected"]) == (len(twin), twin.report["rejected"]) == (5, 2)
    assert book.report["balanced"]
    assert book.report["sheet"] == {
        "sheet": "Osallistujat",
        "sheets": ["Osallistujat"],
        "header_row": 2,
        "rows_above_header": 1,
    }
    assert "sheet" not in twin.report
    # The same records, the same indicators.
    assert pl.DataFrame(book.indicators()).equals(pl.DataFrame(twin.indicators()))
    refused = book.rejections()
    assert [f.cell for f in refused] == ["Osallistujat!B8", "Osallistujat!B9"]
    assert [f.line for f in refused] == [8, 9]
    assert all(f.cell is None for f in twin.rejections())


def test_a_sheet_by_name_and_a_missing_one(tmp_path: Path) -> None:
    ps = hanke.read_participants(
        DATA / "osallistujat.xlsx",
        period="2021-2027",
        accept_temporary_codes=True,
        sheet="Osallistujat",
    )
    assert len(ps) == 5
    with pytest.raises(hanke.HankeError) as e:
        hanke.read_participants(DATA / "osallistujat.xlsx", period="2021-2027", sheet="Taul2")
    assert e.value.code == "import.no_sheet"
    fake = tmp_path / "fake.xlsx"
    fake.write_text("participant_id,entry_date\n")
    with pytest.raises(hanke.HankeError) as e:
        hanke.read_participants(fake, period="2021-2027")
    assert e.value.code == "import.workbook"


def test_an_option_that_cannot_apply_is_refused_not_ignored() -> None:
    """A sheet for a CSV file or a table, an encoding for a workbook or a
    table would do nothing: each is refused with its code (the core's
    ``SourceKind::check``), by the file and the table path alike."""
    frame = pl.DataFrame({"participant_id": ["P1"], "entry_date": ["2024-01-10"]})
    for source, option in [
        (DATA / "osallistujat.csv", {"sheet": "Osallistujat"}),
        (DATA / "osallistujat.xlsx", {"encoding": "windows-1252"}),
        (DATA / "osallistujat.ods", {"encoding": "utf-8"}),
        (frame, {"sheet": "Osallistujat"}),
        (frame, {"encoding": "utf-8"}),
    ]:
        with pytest.raises(hanke.HankeError) as e:
            hanke.read_participants(source, period="2021-2027", **option)
        assert e.value.code == "import.option_not_for_source", (source, option)
        assert next(iter(option)) in str(e.value)
    # Where they apply, they are read.
    assert len(hanke.read_participants(DATA / "osallistujat.csv", period="2021-2027",
                                       accept_temporary_codes=True, encoding="utf-8")) == 5


def test_temporary_codes_in_a_workbook_only_when_asked() -> None:
    ps = hanke.read_participants(DATA / "osallistujat.xlsx", period="2021-2027")
    codes = [f for f in ps.rejections() if f.path == "identity_code"]
    assert [f.cell for f in codes] == [f"Osallistujat!C{r}" for r in range(3, 7)]
    assert all("230465-922K" not in str(f) + repr(f) for f in ps.rejections())
