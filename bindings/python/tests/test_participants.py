"""Participants from CSV and from Arrow tables, indicators and the shared vectors."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Callable

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import hanke
from conftest import ROOT, data, vectors

LAHDE = data("participants/lahde_mukaan_S20250.csv")


def test_csv_import_accounts_for_every_row() -> None:
    ps = hanke.read_participants(LAHDE, accept_temporary_codes=True)
    assert len(ps) == 29
    assert ps.report == {
        "rows_read": 29,
        "accepted": 29,
        "rejected": 0,
        "blank_lines": 0,
        "lines": 30,
        "record_lines": 29,
        "ignored_columns": [],
        "unnamed_columns": [],
        "encoding": "utf-8",
        "encoding_detected": False,
        "period": "2014-2020",
        "period_inferred": True,
        "balanced": True,
    }
    assert "Participants(records=29" in repr(ps)


def test_rejected_rows_have_lines_and_form_a_table(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("participant_id,entry_date,gender\nP1,2016-03-01,nainen\nP2,31.2.2016,mies\n", encoding="utf-8")
    ps = hanke.read_participants(str(f))
    assert (len(ps), ps.report["rejected"]) == (1, 1)
    r = ps.rejections()[0]
    assert (r.line, r.path) == (3, "entry_date")
    t = pl.DataFrame(ps.findings_table())
    assert t.filter(pl.col("line") == 3)["path"].to_list() == ["entry_date"]


def test_threads_read_a_csv_as_one_thread_does(tmp_path: Path) -> None:
    # Several batches of 4 096 rows, and past two parts of the duplicate
    # merge (16 384 records each), with rows the syntax and the values
    # reject: the records, lines, report and findings equal one thread's.
    # (The core's property test covers every cut and thread count.)
    lines = Path(data("participants/yhteiskunnalliset_yritykset_esr_plus.csv")).read_text(encoding="utf-8").splitlines()
    head, body = lines[0], lines[1:]
    rows = []
    for i in range(36_000):
        line = body[i % len(body)]
        if i % 131 == 7:
            line = line[: line.rfind(",")]
        elif i % 131 == 11:
            line = line[:3] + '"' + line[3:]
        rows.append(line)
    f = tmp_path / "many.csv"
    f.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    one = hanke.read_participants(str(f), accept_temporary_codes=True)
    assert one.report["rejected"] > 0 and one.report["balanced"]
    assert "PART-DUP-001" in {x.rule_id for x in one.findings()}
    for threads in (2, 3):
        many = hanke.read_participants(str(f), accept_temporary_codes=True, threads=threads)
        assert many.report == one.report
        assert many.to_dicts() == one.to_dicts()
        assert many.indicators() == one.indicators()
        assert [(x.line, x.end_line, x.rule_id, x.message_fi) for x in many.findings()] == [
            (x.line, x.end_line, x.rule_id, x.message_fi) for x in one.findings()
        ]
    # Every thread count below one, or past any machine's, says what is
    # accepted — never the range of a machine integer.
    for bad in (0, -1, -(2**70), 2**70):
        for call in (
            lambda: hanke.read_participants(str(f), threads=bad),
            lambda: hanke.common_indicators(hanke.testing.synthetic_participants(10), threads=bad),
            lambda: hanke.testing.time_common_indicators(hanke.testing.synthetic_participants(10), repeat=1, threads=bad),
        ):
            with pytest.raises(hanke.exceptions.HankeError) as e:
                call()
            assert e.value.code == "argument.range"
            assert "at least 1" in str(e.value) and f"not {bad}" in str(e.value)
            assert "18446744073709551615" not in str(e.value)
    for wrong in (1.0, True, "2", None):
        with pytest.raises(hanke.exceptions.HankeError) as e:
            hanke.read_participants(str(f), threads=wrong)  # type: ignore[arg-type]
        assert e.value.code == "argument.type"


def test_file_level_errors() -> None:
    with pytest.raises(hanke.exceptions.CsvImportError) as e:
        hanke.read_participants(pa.table({"who": ["P1"]}))
    assert e.value.code == "import.unknown_column"
    with pytest.raises(hanke.exceptions.HankeIOError):
        hanke.read_participants("no/such/file.csv")


@pytest.mark.parametrize("library", ["polars", "pandas", "pyarrow"])
def test_any_arrow_table_gives_the_same_answer(library: str) -> None:
    want = hanke.read_participants(LAHDE, accept_temporary_codes=True).indicators().table().to_pylist()
    frame = pl.read_csv(LAHDE, infer_schema_length=0)
    table = {"polars": frame, "pandas": frame.to_pandas(), "pyarrow": frame.to_arrow()}[library]
    got = hanke.read_participants(table, accept_temporary_codes=True)
    assert got.report["balanced"] and len(got) == 29
    assert got.indicators().table().to_pylist() == want


def test_typed_columns_are_read() -> None:
    # Dates and booleans as Arrow types, not strings.
    t = pa.table(
        {
            "participant_id": ["P1", "P2"],
            "entry_date": pa.array([datetime.date(2016, 3, 1), datetime.date(2016, 4, 1)]),
            "gender": ["woman", "man"],
            "homeless": pa.array([True, None]),
        }
    )
    ps = hanke.read_participants(t)
    assert len(ps) == 2 and ps.report["rejected"] == 0
    assert ps.to_dicts()[0]["entry"]["disadvantages"]["homeless"] == "yes"


def test_pseudonyms_replace_identity_codes() -> None:
    ps = hanke.read_participants(LAHDE, accept_temporary_codes=True, secret=b"a secret of the caller", drop_identity_codes=True)
    people = ps.to_dicts()
    assert all("pseudonym" in p for p in people)
    text = repr(people)
    assert "-9" not in text or all(len(p["pseudonym"]) > 20 for p in people)
    again = hanke.read_participants(LAHDE, accept_temporary_codes=True, secret=b"a secret of the caller")
    assert [p["pseudonym"] for p in again.to_dicts()] == [p["pseudonym"] for p in people]


def test_dropping_codes_without_a_secret_is_refused() -> None:
    """``drop_identity_codes`` without a ``secret`` kept the codes without a
    word; it is refused, from a file and from a frame alike."""
    frame = pl.DataFrame(
        {"participant_id": ["P1"], "entry_date": ["2024-01-10"], "identity_code": ["010190-900P"]}
    )
    for source in [LAHDE, frame]:
        with pytest.raises(hanke.HankeError) as e:
            hanke.read_participants(source, accept_temporary_codes=True, drop_identity_codes=True)
        assert e.value.code == "pseudonym.drop_without_secret"
        assert "900P" not in str(e.value)


def test_indicators_tables_and_merge() -> None:
    ps = hanke.read_participants(LAHDE, accept_temporary_codes=True)
    ind = ps.indicators(cut_off=datetime.date(2017, 6, 30))
    assert ind.get("CR04") == {"women": 3, "men": 3, "non_binary": 0, "unknown": 0, "total": 6}
    assert ind.grand_total["total"] == 29
    df = pl.DataFrame(ind)
    assert df.filter(pl.col("code") == "CR04")["total"].to_list() == [6]
    assert pa.table(ind.table()).num_rows == ind.table().num_rows
    assert isinstance(ind.to_pandas(), pd.DataFrame)
    assert ind.to_polars().equals(df)
    doubled = ind.merge(ind)
    assert doubled.get("CR04")["total"] == 12
    other = ps.indicators(cut_off=datetime.date(2016, 6, 30))
    with pytest.raises(hanke.exceptions.IndicatorError):
        ind.merge(other)


@pytest.mark.parametrize("case", vectors("indicators.json"), ids=lambda c: c["name"])
def test_indicator_vectors(case: dict, tmp_path: Path) -> None:
    if "participants_file" in case:
        path = str(ROOT / case["participants_file"])
    else:
        f = tmp_path / "participants.csv"
        f.write_text(case["participants_csv"], encoding="utf-8")
        path = str(f)
    period = {"esf_2014": "2014-2020"}.get(case["catalogue"], "2021-2027")
    ps = hanke.read_participants(path, period=period, accept_temporary_codes=case.get("accept_temporary_codes", False))
    assert ps.report["rejected"] == 0
    cut_off = datetime.date.fromisoformat(case["cut_off"]) if case["cut_off"] else None
    ind = ps.indicators(cut_off=cut_off, catalogue=case["catalogue"], objective=case.get("objective"))
    expected = case["expected"]

    def tally(d: dict) -> dict:
        t = {k: d.get(k, 0) for k in ("women", "men", "non_binary", "unknown")}
        t["total"] = sum(t.values())
        return t

    assert ind.grand_total == tally(expected["grand_total"])
    assert ind.incomplete == tally(expected["incomplete"])
    assert ind.not_yet_entered == expected.get("not_yet_entered", 0)
    for code, want in expected["indicators"].items():
        got = ind.get(code)
        assert got is not None, code
        if isinstance(want, int):
            assert got["total"] == want, code
        else:
            assert got == tally(want), code
    if case["exhaustive"]:
        for row in ind.table().to_pylist():
            if row["total"] is not None and row["code"] not in expected["indicators"]:
                assert row["total"] == 0, row["code"]


@pytest.mark.parametrize("merge", [False, True])
def test_an_id_on_several_records_is_said_from_a_frame_and_a_file(merge: bool, tmp_path: Path) -> None:
    # Two rows of P1 without a code count as two participants: said
    # (PART-DUP-003) whether or not other records were merged, the same from a
    # frame and from a file.
    rows = {
        "participant_id": ["P1", "P2", "P1", "P3"],
        "entry_date": ["2024-01-10", "2024-02-01", "2024-05-02", "2024-06-01"],
        "identity_code": [None, "010190-900P" if merge else None, None, "010190-900P" if merge else None],
    }
    frame = pl.DataFrame(rows, schema_overrides={"identity_code": pl.String})
    path = tmp_path / "list.csv"
    frame.write_csv(path)
    for source in (frame, str(path)):
        ps = hanke.read_participants(source, period="2021-2027", accept_temporary_codes=True)
        said = [(f.rule_id, f.path) for f in ps.findings() if f.rule_id.startswith("PART-DUP")]
        merged = [("PART-DUP-001", "participants[P2]")] if merge else []
        assert said == merged + [("PART-DUP-003", "participants[P1]")], source


def test_the_column_path_says_an_id_on_several_rows_as_the_records_do() -> None:
    df = pl.DataFrame({"participant_id": [7, 8, 7], "entry_date": ["2024-01-10", "2024-05-02", "2024-06-01"]})
    notes = [(n.rule_id, n.path) for n in hanke.common_indicators(df).notes() if n.rule_id == "PART-DUP-003"]
    said = [(f.rule_id, f.path) for f in hanke.read_participants(df).findings() if f.rule_id == "PART-DUP-003"]
    assert notes == said == [("PART-DUP-003", "participants[7]")]


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (lambda df: df.lazy(), "collect() it first"),
        (lambda df: df["entry_date"], "a single column is not a table"),
        (lambda df: df.to_arrow()["entry_date"], "a single column is not a table"),
        (lambda df: df.to_dicts(), "make a DataFrame of it first"),
        (lambda df: None, "not NoneType"),
    ],
)
def test_what_is_not_a_table_is_said_as_such(given: Callable[[pl.DataFrame], object], hint: str) -> None:
    # Each reader of tables says what it got and what to do, as an
    # ArgumentError (a TypeError) with a code — not the Arrow library's words.
    df = pl.DataFrame({"participant_id": ["P1"], "entry_date": ["2024-01-10"]})
    for read in (hanke.read_participants, hanke.common_indicators):
        with pytest.raises(hanke.exceptions.ArgumentError) as e:
            read(given(df), period="2021-2027")
        assert e.value.code == "argument.type" and isinstance(e.value, TypeError)
        assert hint in str(e.value), str(e.value)
    with pytest.raises(hanke.exceptions.ArgumentError, match="read a file with read_participants"):
        hanke.common_indicators("list.csv", period="2021-2027")
    with pytest.raises(hanke.exceptions.HankeIOError, match="a directory, not a file"):
        hanke.read_participants(str(ROOT / "examples"), period="2021-2027")
