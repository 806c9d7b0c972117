"""The ESR report, portfolios, activity logs and the EURA readers."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import polars as pl
import pytest

import hanke
from conftest import data


def lahde_report(lang: str = "fi") -> hanke.EsrReport:
    return hanke.EsrReport(
        hanke.Project.load(data("projects/lahde_mukaan_S20250.json")),
        datetime.date(2017, 6, 30),
        participants=hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True),
        activities=hanke.ActivityLog.load(data("activities/lahde_mukaan_S20250.json")),
        lang=lang,
    )


def test_esr_report_markdown_json_and_html() -> None:
    r = lahde_report()
    md = r.to_markdown()
    assert "ESR-raportti" in md and "2369" in r.to_markdown("en").replace(" ", "")
    assert json.loads(r.to_json())["cut_off"] == "2017-06-30"
    html = r._repr_html_()
    assert html.startswith("<h1>") and "<table>" in html
    assert r._repr_markdown_() == md
    ind = r.indicators()
    assert ind is not None and ind.get("CR04")["total"] == 6
    pi = pl.DataFrame(r.project_indicators())
    assert pi.filter(pl.col("code") == "LM-8")["actual"].to_list() == ["2369"]
    assert "ESR-rapport" in r.to_markdown("sv") and "Finansiering" in r.to_markdown("sv")
    with pytest.raises(hanke.ValidationError):
        r.to_markdown("xx")


def test_portfolio_report_over_many_projects() -> None:
    toimet = hanke.EsrReport(hanke.Project.load(data("projects/toimet_S22026.json")), datetime.date(2020, 12, 31))
    text = hanke.portfolio_report([lahde_report(), toimet], lang="en")
    # Both are TL5 / 10.1 projects of 2014–2020: one row, two projects, the
    # TOIMET money and the 29 Lähde mukaan! participants.
    assert "| 2014–2020 | 5 | 10.1 | 2 | 101 500,00 € | 89 660,00 € | 29 |" in text


def test_activity_log_errors() -> None:
    with pytest.raises(hanke.exceptions.JsonError) as e:
        hanke.ActivityLog.from_json('{"activities": [{"date": "2020-13-01"}]}')
    assert e.value.code.startswith("activity.") or e.value.code.startswith("json.")
    assert len(hanke.ActivityLog.load(data("activities/keko.json"))) == 38


def test_eura_description_round_trip() -> None:
    with open(data("eura/descriptions/S22026.txt"), encoding="utf-8") as f:
        d = hanke.parse_description(f.read())
    assert d.complete and d.findings() == []
    p = d.project
    assert (p.code, p.priority, p.specific_objective) == ("S22026", 5, "10.1")
    assert p.eu_and_state("granted") == hanke.Money("101 500")
    again = hanke.parse_description(hanke.render_description(p))
    assert again.project == p
    assert p.to_eura_description() == hanke.render_description(p)


def test_truncated_pages_read_with_a_finding() -> None:
    with open(data("eura/descriptions/S21947.txt"), encoding="utf-8") as f:
        d = hanke.parse_description(f.read())
    assert not d.complete
    assert [x.rule_id for x in d.findings()] == ["EURA-DESC-001"]
    assert d.project.to_dict()["implementers"][1]["organisation"]["name"] == "Oulun yliopisto"
    with open(data("eura/pages/S20250.txt"), encoding="utf-8") as f:
        page = hanke.parse_project_page(f.read())
    assert page.project.code == "S20250" and page.project.specific_objective == "10.1"


def test_project_list_and_portfolio_tables() -> None:
    pl_ = hanke.ProjectList.load(data("eura/eura2014_projektilista.csv"))
    assert pl_.report == {
        "rows_read": 2881,
        "accepted": 2877,
        "rejected": 4,
        "blank_lines": 0,
        "lines": 2882,
        "record_lines": 2881,
        "balanced": True,
        "realigned": 0,
        "padded": 0,
        "unwrapped": 0,
    }
    assert [f.line for f in pl_.rejections()] == [109, 124, 148, 153]
    t = pl.DataFrame(pl_.portfolio())
    total = t.filter(pl.col("key") == "Yhteensä").row(0, named=True)
    assert total["projects"] == 786
    assert total["granted_eu_state"] == Decimal("163211433.00")
    assert total["realised_eu_state"] == Decimal("51284469.25")
    assert total["utilisation_percent"] == "31,4 %"
    by_authority = pl_.portfolio(by="authority").to_pylist()
    assert by_authority[-1]["projects"] == 786 and len(by_authority) == 7
    esr = pl.DataFrame(pl_.table(fund="ESR"))
    assert esr.height == 786
    assert esr["granted_eu_state"].sum() == Decimal("163211433.00")
    assert pl_.project("S20044").name == "HUOLTAMO"
    with pytest.raises(hanke.ValidationError):
        pl_.portfolio(by="colour")
    with pytest.raises(hanke.exceptions.HankeIOError):
        hanke.ProjectList.load("no/such.csv")
    with pytest.raises(hanke.exceptions.CsvImportError):
        hanke.ProjectList.from_csv("Koodi,Rahasto\nS1,ESR\n")


def test_optional_dependencies_are_named_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_polars(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "polars":
            raise ModuleNotFoundError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "polars")
    monkeypatch.setattr(builtins, "__import__", no_polars)
    t = hanke.ProjectList.load(data("eura/eura2014_projektilista.csv")).portfolio()
    with pytest.raises(ImportError, match=r"pip install 'hanke\[polars\]'"):
        t.to_polars()


def test_an_amount_past_decimal_18_2_is_refused_with_its_column_and_row() -> None:
    """A money column is Arrow ``decimal(18, 2)``: an amount of more than 18
    digits in cents would be an array Arrow calls invalid (each library reads it
    its own way). The table is refused with ``table.arrow``, naming the column
    and row; the project list itself keeps the exact amount."""
    header = (
        "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,"
        "Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,"
        "Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä\n"
    )
    row = "S90001,ESR,Testi,5,ELY,Toiminnassa,1.3.2015,28.2.2017,Toteuttaja Oy,{granted},1,2,1\n"
    fits = hanke.ProjectList.from_csv(header + row.format(granted="9999999999999999"))
    assert pl.DataFrame(fits.table())["granted_eu_state"][0] == Decimal("9999999999999999.00")
    huge = hanke.ProjectList.from_csv(header + row.format(granted="10000000000000000"))
    with pytest.raises(hanke.HankeError) as e:
        huge.table()
    assert e.value.code == "table.arrow"
    assert "granted_eu_state" in str(e.value) and "row 0" in str(e.value)
