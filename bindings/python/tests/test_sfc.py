"""SFC2021 Tables 6 and 10 from Python (issue 27): the conformance kit gives the
hand-derived cells as a data frame, the columns are the core's, and another
system's table is compared cell by cell."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib

import pytest

import hanke
from hanke import exceptions as ex

ROOT = pathlib.Path(__file__).resolve().parents[3]
KIT = ROOT / "conformance" / "sfc2021"
CUT_OFF = dt.date(2024, 12, 31)


def _by_hand(name: str) -> dict[tuple[str, str, str, str], int]:
    with open(KIT / "expected" / name, encoding="utf-8") as f:
        return {
            (r["specific_objective"], r["category_of_region"], r["indicator"], r["gender"]): int(r["value"])
            for r in csv.DictReader(f)
        }


def test_the_kit_gives_the_hand_derived_cells() -> None:
    t6, t10, findings = hanke.sfc_kit(KIT, cut_off=CUT_OFF)
    for table, hand in ((t6, "table6_nonzero_by_hand.csv"), (t10, "table10_nonzero_by_hand.csv")):
        got = {
            (r["specific_objective"], r["category_of_region"], r["indicator"], r["gender"]): r["value"]
            for r in table.to_pylist()
            if r["value"] > 0
        }
        assert got == _by_hand(hand)
    # The kit's follow-up a day outside the window is reported, and not counted.
    assert [(f.rule_id, f.path) for f in findings if f.severity == "error"] == [
        ("PART-FOLLOW-002", "participants[K15].follow_up.date")
    ]
    assert "PART-DUP-001" in {f.rule_id for f in findings}
    expected = json.loads((ROOT / "tests" / "vectors" / "result_tables.json").read_text(encoding="utf-8"))
    assert t6.column_names == expected["sfc_table6"]
    assert t10.column_names == expected["sfc_table10"]


def test_the_tables_are_data_frames() -> None:
    pl = pytest.importorskip("polars")
    t6, _, _ = hanke.sfc_kit(KIT, cut_off=CUT_OFF)
    frame = t6.to_polars()
    total = frame.filter(
        (pl.col("indicator") == "EECO01") & (pl.col("category_of_region") == "more developed")
    )["value"].sum()
    assert total == 15


def test_another_systems_table_is_compared_cell_by_cell() -> None:
    expected = (KIT / "expected" / "table6.csv").read_text(encoding="utf-8")
    actual = expected.replace("more developed,EECO03,man,1", "more developed,EECO03,man,0")
    diff = hanke.compare_sfc_tables(expected, actual)
    assert diff == [
        {
            "priority": 4,
            "specific_objective": "ESO4.1",
            "category_of_region": "more developed",
            "indicator": "EECO03",
            "gender": "man",
            "expected": 1,
            "actual": 0,
        }
    ]
    assert hanke.compare_sfc_tables(expected, expected) == []


def test_refusals_are_coded() -> None:
    with pytest.raises(ex.IndicatorError) as e:
        hanke.sfc_kit(KIT, cut_off=dt.date(2024, 12, 30))
    assert e.value.code == "sfc.cut_off"
    with pytest.raises(ex.HankeError) as e2:
        hanke.compare_sfc_tables("x", "y")
    assert e2.value.code == "sfc.csv"


def test_a_portfolio_of_indicators_gives_the_kits_cells() -> None:
    """The notebook path: each operation's participants read and counted in
    Python, then aggregated — the kit's less-developed cell, target group and
    zeros included."""
    people = hanke.read_participants(KIT / "participants" / "S30104.csv", period="2021-2027")
    ops: list[hanke.types.SfcOperationDict] = [
        {
            "project_code": "S30103",
            "priority": 4,
            "specific_objective": "ESO4.1",
            "category_of_region": "less developed",
            "indicators": None,
        },
        {
            "project_code": "S30104",
            "priority": 4,
            "specific_objective": "ESO4.1",
            "category_of_region": "less developed",
            "indicators": people.indicators(cut_off=CUT_OFF),
            "target_group": ["EECO12"],
        },
    ]
    t6, t10, findings = hanke.sfc_tables(ops, cut_off=CUT_OFF)
    got = {
        (r["specific_objective"], r["category_of_region"], r["indicator"], r["gender"]): r["value"]
        for r in t6.to_pylist()
        if r["value"] > 0
    }
    hand = {k: v for k, v in _by_hand("table6_nonzero_by_hand.csv").items() if k[1] == "less developed"}
    assert got == hand
    assert findings == []
    assert all(r["value"] == 0 for r in t10.to_pylist())
    bad = [dict(ops[1], category_of_region="rural")]
    with pytest.raises(ex.IndicatorError) as e:
        hanke.sfc_tables(bad, cut_off=CUT_OFF)  # type: ignore[arg-type]
    assert e.value.code == "sfc.region"
    with pytest.raises(ex.IndicatorError) as e:
        hanke.sfc_tables(ops, cut_off=dt.date(2025, 6, 30))
    assert e.value.code == "sfc.cut_off_mismatch"
    with pytest.raises(ex.HankeError) as e3:
        hanke.sfc_tables([{"priority": 4}], cut_off=CUT_OFF)  # type: ignore[list-item]
    assert e3.value.code == "argument.type"


def test_parts_counted_apart_and_merged_give_identical_tables() -> None:
    """Split over processes (as the Dask example does): the halves' Indicators
    merged give the same tables as the whole."""
    day = dt.date(2025, 12, 31)
    pa = pytest.importorskip("pyarrow")
    frame = pa.table(hanke.testing.synthetic_participants(2_000))
    whole = hanke.common_indicators(frame, cut_off=day)
    first = hanke.common_indicators(frame.slice(0, 700), cut_off=day)
    second = hanke.common_indicators(frame.slice(700), cut_off=day)
    merged = first.merge(second)

    def tables(ind: hanke.Indicators) -> list[list[dict[str, object]]]:
        op: hanke.types.SfcOperationDict = {
            "project_code": "S30001",
            "priority": 4,
            "specific_objective": "ESO4.8",
            "category_of_region": "transition",
            "indicators": ind,
        }
        t6, t10, _ = hanke.sfc_tables([op], cut_off=day)
        return [t6.to_pylist(), t10.to_pylist()]

    assert tables(merged) == tables(whole)
    assert sum(r["value"] for r in tables(whole)[0] if r["indicator"] == "EECO01") > 0


def test_one_person_is_counted_once_on_every_path() -> None:
    """The kit's re-entry (two records, one identity code) is one participant
    whether the tables come from the kit runner or from Participants in a
    notebook — the same data, the same answer."""
    ps = hanke.read_participants(
        KIT / "participants" / "S30101.csv", period="2021-2027", accept_temporary_codes=True
    )
    assert len(ps) == 18  # the records as read
    eeco01 = ps.indicators(cut_off=CUT_OFF).get("EECO01")
    assert eeco01 is not None
    hand = _by_hand("table6_nonzero_by_hand.csv")
    assert (eeco01["women"], eeco01["men"], eeco01["non_binary"]) == tuple(
        hand[("ESO4.1", "more developed", "EECO01", g)] for g in ("woman", "man", "non_binary")
    )
    assert "PART-DUP-001" in {f.rule_id for f in ps.findings()}
    why = ps.explain("EECR04", cut_off=CUT_OFF)
    assert why["value"]["men"] == 2 and len(why["records"]) == 17


def test_a_frame_with_a_re_entry_is_refused_not_counted_twice() -> None:
    """The column path counts rows: the kit's re-entry pair in a data frame is
    refused with its rows, never counted as two people."""
    pa_csv = pytest.importorskip("pyarrow.csv")
    pa = pytest.importorskip("pyarrow")
    frame = pa_csv.read_csv(
        KIT / "participants" / "S30101.csv",
        convert_options=pa_csv.ConvertOptions(
            column_types={"identity_code": pa.string(), "pseudonym": pa.string(), "municipality": pa.string()},
            strings_can_be_null=True,
        ),
    )
    with pytest.raises(ex.HankeError) as e:
        hanke.common_indicators(frame, cut_off=CUT_OFF, accept_temporary_codes=True)
    assert e.value.code == "columns.same_person"
    assert "010190" not in str(e.value)
