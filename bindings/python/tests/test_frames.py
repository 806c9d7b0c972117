"""One frame, one behaviour (issue 22): ``read_participants`` and
``common_indicators`` read a data frame through the same column reader — the
same names, types, values, row numbers and period — and no column, time zone or
period is taken silently."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import hanke

HELSINKI = ZoneInfo("Europe/Helsinki")


def counts(ind: hanke.Indicators) -> list[tuple[str, int, int, int, int]]:
    return [(r["code"], r["women"], r["men"], r["non_binary"], r["unknown"]) for r in ind.table().to_pylist()]


def frame(**columns: list[object]) -> pl.DataFrame:
    n = len(next(iter(columns.values())))
    return pl.DataFrame({"participant_id": [f"P{i}" for i in range(n)], **columns})


@pytest.mark.parametrize(
    "name, accepted",
    [("gendr", False), ("Gender ", True), ("sukupuoli", True), ("Kön", True), ("kön", True)],
)
def test_column_names_are_read_as_a_files_header(name: str, accepted: bool) -> None:
    df = frame(entry_date=[dt.date(2024, 2, 1), dt.date(2024, 3, 1)], **{name: ["nainen", "mies"]})
    if accepted:
        ind = hanke.common_indicators(df)
        assert (ind.grand_total["women"], ind.grand_total["men"]) == (1, 1)
        assert len(hanke.read_participants(df)) == 2
    else:
        for read in (hanke.common_indicators, hanke.read_participants):
            with pytest.raises(hanke.exceptions.CsvImportError) as e:
                read(df)
            assert e.value.code == "import.unknown_column"


def test_two_columns_of_one_field_and_ignored_columns() -> None:
    t = pa.table({"entry_date": [dt.date(2024, 2, 1)], "gender": ["nainen"], "Sukupuoli": ["mies"]})
    for read in (hanke.common_indicators, hanke.read_participants):
        with pytest.raises(hanke.exceptions.CsvImportError) as e:
            read(t)
        assert e.value.code in ("import.duplicate_column", "import.missing_column")
    df = frame(entry_date=[dt.date(2024, 2, 1)], Nimi=["Testi"])
    ps = hanke.read_participants(df, ignore_columns=["nimi"])
    assert ps.report["ignored_columns"] == ["Nimi"]
    assert "Testi" not in str(ps.to_dicts())
    assert hanke.common_indicators(df, ignore_columns=["Nimi"]).grand_total["total"] == 1


def test_null_binary_and_list_columns() -> None:
    # A null column (pyarrow's) is a column of missing values.
    t = pa.table({"participant_id": ["P1", "P2"], "entry_date": [dt.date(2024, 2, 1)] * 2, "gender": pa.nulls(2)})
    assert hanke.common_indicators(t).grand_total["unknown"] == 2
    assert len(hanke.read_participants(t)) == 2
    # polars exports its Null dtype in a form Arrow refuses: a coded error
    # that says what to do, never a bare TypeError.
    df = frame(entry_date=[dt.date(2024, 2, 1), dt.date(2024, 2, 2)], gender=[None, None])
    assert df.schema["gender"] == pl.Null
    for read in (hanke.common_indicators, hanke.read_participants):
        try:
            result = read(df)
        except hanke.ValidationError as e:
            assert e.code == "table.arrow" and "cast" in str(e)
        else:  # a polars that exports Null as Arrow expects: missing values
            assert len(result) == 2 if read is hanke.read_participants else result.grand_total["unknown"] == 2
    for ids in (pa.array([b"P1", b"P2"]), pa.array([[1], [2]])):
        t = pa.table({"participant_id": ids, "entry_date": [dt.date(2024, 2, 1), dt.date(2024, 2, 2)]})
        for read in (hanke.common_indicators, hanke.read_participants):
            with pytest.raises(hanke.ValidationError) as e:
                read(t)
            assert e.value.code == "columns.unsupported_type"


def test_aware_timestamps_are_helsinki_days() -> None:
    when = dt.datetime(2024, 2, 1, 0, 0, tzinfo=HELSINKI)
    df = frame(entry_date=[when])
    assert df.schema["entry_date"] == pl.Datetime("us", "Europe/Helsinki")
    ps = hanke.read_participants(df)
    assert ps.to_dicts()[0]["entry"]["date"] == "2024-02-01"
    # Entered on the cut-off day: counted.
    ind = hanke.common_indicators(df, cut_off=dt.date(2024, 2, 1))
    assert (ind.grand_total["total"], ind.not_yet_entered) == (1, 0)
    assert [n.rule_id for n in ind.notes()] == ["IMP-TIME-002"]


def test_helsinki_days_match_zoneinfo() -> None:
    # Instants around every kind of clock change, checked against the IANA
    # database as Python has it: an independent account of Europe/Helsinki.
    rng = random.Random(22)
    instants = []
    for year in (1921, 1942, 1975, 1981, 1982, 1983, 1990, 1995, 1996, 2015, 2024, 2031):
        for month in (3, 4, 9, 10):
            for _ in range(6):
                day = rng.randint(20, 31 if month in (3, 10) else 30)
                hour = rng.choice([20, 21, 22, 23, 0, 1])
                instants.append(dt.datetime(year, month, day, hour, rng.randint(0, 59), tzinfo=dt.timezone.utc))
    instants += [dt.datetime(1960, 1, 1, 21, 59, tzinfo=dt.timezone.utc), dt.datetime(1921, 4, 30, 22, 20, tzinfo=dt.timezone.utc)]
    t = pa.table(
        {
            "participant_id": [f"P{i}" for i in range(len(instants))],
            "entry_date": pa.array(instants, pa.timestamp("s", "UTC")),
        }
    )
    got = [r["entry"]["date"] for r in hanke.read_participants(t, period="2014-2020").to_dicts()]
    want = [i.astimezone(HELSINKI).date().isoformat() for i in instants]
    assert got == want


def test_a_naive_time_of_day_is_reported() -> None:
    df = frame(entry_date=[dt.datetime(2024, 2, 1, 10, 30), dt.datetime(2024, 2, 2)])
    ps = hanke.read_participants(df)
    assert [f.rule_id for f in ps.findings() if f.rule_id.startswith("IMP-TIME")] == ["IMP-TIME-001"]
    assert [f.row for f in ps.findings() if f.rule_id == "IMP-TIME-001"] == [0]
    notes = hanke.common_indicators(df).notes()
    assert [(n.rule_id, n.row) for n in notes] == [("IMP-TIME-001", 0)]


def test_an_aware_time_of_day_is_reported_alike_by_both_entry_points() -> None:
    # 23:30 UTC is 01:30 the next day in Helsinki: the Helsinki day is taken,
    # its time of day reported at the row, the zone said once — by both.
    utc = dt.timezone.utc
    stamps = [dt.datetime(2024, 1, 31, 23, 30, tzinfo=utc), dt.datetime(2024, 1, 31, 22, 0, tzinfo=utc)]
    for data in (
        frame(entry_date=stamps),
        pd.DataFrame({"participant_id": ["P1", "P2"], "entry_date": pd.to_datetime(stamps)}),
    ):
        ps = hanke.read_participants(data)
        assert [r["entry"]["date"] for r in ps.to_dicts()] == ["2024-02-01", "2024-02-01"]
        said = [(f.rule_id, f.row) for f in ps.findings() if f.rule_id.startswith("IMP-TIME")]
        assert said == [("IMP-TIME-001", 0), ("IMP-TIME-002", None)]
        notes = hanke.common_indicators(data).notes()
        assert [(n.rule_id, n.row) for n in notes] == said


def test_an_ignored_name_no_column_has_is_said_by_every_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "osoite" is in no header: said once, never silently nothing; "Nimi" is
    # there as "nimi" and is left out without a note.
    df = frame(entry_date=[dt.date(2024, 2, 1)], nimi=["x"])
    f = tmp_path / "p.csv"
    f.write_text("participant_id,entry_date,nimi\nP1,2024-02-01,x\n", encoding="utf-8")
    ignore = ["Nimi", "osoite", "osoite"]
    for data in (df, df.to_pandas(), str(f)):
        ps = hanke.read_participants(data, ignore_columns=ignore)
        assert ps.report["ignored_columns"] == ["nimi"]
        said = [(f.rule_id, f.path, f.severity) for f in ps.findings() if f.rule_id == "IMP-CSV-006"]
        assert said == [("IMP-CSV-006", "ignore_columns", "warning")], data
        assert "osoite" in next(f.message_en for f in ps.findings() if f.rule_id == "IMP-CSV-006")
    for data in (df, df.to_pandas()):
        notes = hanke.common_indicators(data, ignore_columns=ignore).notes()
        assert [(n.rule_id, n.path) for n in notes] == [("IMP-CSV-006", "ignore_columns")]


def test_both_entry_points_accept_the_same_types_and_rows() -> None:
    # String dates and booleans, in polars and pandas alike.
    df = frame(
        entry_date=["2024-02-01"] * 7 + ["31.2.2024", "2024-02-03"],
        homeless=[True] * 9,
        gender=["nainen"] * 9,
    )
    for data in (df, df.to_pandas()):
        with pytest.raises(hanke.ValidationError) as e:
            hanke.common_indicators(data)
        assert e.value.code == "columns.invalid_value"
        assert "row 7" in str(e.value)
        ps = hanke.read_participants(data)
        assert [(f.row, f.line, f.path) for f in ps.rejections()] == [(7, None, "entry_date")]
    good = df.filter(pl.col("entry_date") != "31.2.2024")
    assert counts(hanke.common_indicators(good)) == counts(hanke.read_participants(good).indicators())


def test_no_silent_period() -> None:
    early = frame(entry_date=[dt.date(2016, 3, 1)])
    late = frame(entry_date=[dt.date(2025, 3, 1)])
    both = frame(entry_date=[dt.date(2022, 3, 1)])
    assert hanke.read_participants(early).period == "2014-2020"
    assert hanke.read_participants(late).period == "2021-2027"
    assert hanke.common_indicators(early).catalogue == "esf_2014"
    assert hanke.common_indicators(late).catalogue == "esf_plus"
    for read in (hanke.read_participants, hanke.common_indicators):
        with pytest.raises(hanke.ValidationError) as e:
            read(both)
        assert e.value.code == "period.ambiguous"
        with pytest.raises(hanke.ValidationError) as e:
            read(pl.concat([early, late]))
        assert e.value.code == "period.mixed"
    ps = hanke.read_participants(both, period="2021-2027")
    assert ps.report["period_inferred"] is False


def test_a_windows_1252_file_is_read_and_said(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "excel.csv"
    f.write_bytes("Osallistujatunnus;Aloituspäivä;Sukupuoli\r\nP1;1.3.2016;nainen\r\n".encode("cp1252"))
    ps = hanke.read_participants(str(f))
    assert len(ps) == 1
    assert (ps.report["encoding"], ps.report["encoding_detected"]) == ("windows-1252", True)
    with pytest.raises(hanke.exceptions.CsvImportError) as e:
        hanke.read_participants(str(f), encoding="utf-8")
    assert "windows-1252" in str(e.value)
    with pytest.raises(hanke.ValidationError) as e:
        hanke.read_participants(str(f), encoding="latin-9")  # type: ignore[arg-type]
    assert e.value.code == "import.encoding"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_refused_as_utf16(tmp_path, codec: str) -> None:  # type: ignore[no-untyped-def]
    # Excel's "Unicode text": refused for what it is, never as a header of
    # names with NUL bytes in them.
    f = tmp_path / "unicode.csv"
    f.write_bytes("Osallistujatunnus;Aloituspäivä\r\nP1;1.3.2016\r\n".encode(codec))
    for encoding in (None, "utf-8", "windows-1252"):
        with pytest.raises(hanke.exceptions.CsvImportError) as e:
            hanke.read_participants(str(f), encoding=encoding)  # type: ignore[arg-type]
        assert e.value.code == "csv.unicode_text"
        assert "CSV UTF-8" in str(e.value)


def test_pandas_integer_columns_with_gaps_are_read() -> None:
    # pandas turns integers with a missing value into floats: whole ones read.
    df = pd.DataFrame(
        {
            "participant_id": ["P1", "P2"],
            "entry_date": [dt.date(2024, 2, 1), dt.date(2024, 2, 1)],
            "education": [3.0, None],
        }
    )
    ps = hanke.read_participants(df)
    assert [p["entry"]["education"] for p in ps.to_dicts()] == [3, None]
    df["education"] = [3.5, None]
    with pytest.raises(hanke.ValidationError) as e:
        hanke.common_indicators(df)
    assert e.value.code == "columns.invalid_value"


def test_the_docstrings_hold_the_published_table() -> None:
    # docs/participant-csv.md and both docstrings hold one generated table.
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "participant-csv.md").read_text(encoding="utf-8")
    table = doc.split("<!-- generated: begin -->\n")[1].split("<!-- generated: end -->")[0]
    assert table.strip()
    for f in (hanke.read_participants, hanke.common_indicators):
        assert f.__doc__ is not None and table.strip() in f.__doc__


def test_uint64_ids_past_int64_are_their_own_digits() -> None:
    """A ``uint64`` id past ``i64::MAX`` was read as 9223372036854775807 — another
    id, and every such id the same one. Every frame library's unsigned ids are
    now their digits, and both entry points take the frame."""
    ids = [2**64 - 1, 2**64 - 2, 2**63]
    days = [dt.date(2024, 2, 1)] * 3
    for data in (
        pl.DataFrame({"participant_id": pl.Series(ids, dtype=pl.UInt64), "entry_date": days}),
        pa.table({"participant_id": pa.array(ids, type=pa.uint64()), "entry_date": days}),
        pd.DataFrame({"participant_id": pd.Series(ids, dtype="uint64"), "entry_date": days}),
    ):
        got = [r["id"] for r in hanke.read_participants(data).to_dicts()]
        assert got == [str(i) for i in ids]
        assert hanke.common_indicators(data).grand_total["total"] == 3


def test_dates_outside_the_eligibility_window_are_said_by_both_entry_points() -> None:
    # 2021-2027's funds pay for 2021-01-01 - 2029-12-31 (Reg. 2021/1060 Art
    # 63(2)): a 2020 entry or a 2030 exit is counted as given, and said -
    # of each record by read_participants, of the rows together by
    # common_indicators, at the same rows.
    df = frame(
        entry_date=[dt.date(2022, 1, 10), dt.date(2020, 12, 31), dt.date(2019, 3, 4), dt.date(2023, 2, 1)],
        exit_date=[None, dt.date(2021, 6, 1), dt.date(2030, 1, 1), None],
    )
    ps = hanke.read_participants(df, period="2021-2027")
    said = [(f.path, f.row) for f in ps.findings() if f.rule_id == "PART-PLAUS-003"]
    assert said == [
        ("participants[P1].entry.date", 1),
        ("participants[P2].entry.date", 2),
        ("participants[P2].exit.date", 2),
    ]
    ind = hanke.common_indicators(df, period="2021-2027")
    assert ind.grand_total["total"] == 4
    notes = [(n.path, n.row, n.message_en.split(" date")[0]) for n in ind.notes() if n.rule_id == "PART-PLAUS-003"]
    assert notes == [("entry_date", 1, "2 rows have an entry"), ("exit_date", 2, "1 row has an exit")]
    inside = frame(entry_date=[dt.date(2022, 1, 10)])
    assert [n.rule_id for n in hanke.common_indicators(inside, period="2021-2027").notes()] == []
