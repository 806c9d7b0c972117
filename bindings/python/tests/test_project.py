"""Projects, findings, catalogues and classifications."""

from __future__ import annotations

import datetime
import json
import pickle
from pathlib import Path

import pytest

import hanke
from conftest import data


def test_load_inspect_and_repr() -> None:
    p = hanke.Project.load(data("projects/toimet_S22026.json"))
    assert repr(p) == (
        "Project(code='S22026', name='TOIMET - toiminnallinen etävalmennus', "
        "programme_period='2014-2020', priority=5)"
    )
    assert (p.code, p.fund, p.priority, p.specific_objective) == ("S22026", "ESR", 5, "10.1")
    assert p.period == (datetime.date(2020, 5, 1), datetime.date(2020, 9, 30))
    assert p.responsible_authority == "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus"
    assert p.main_implementer == "Tukeva-säätiö sr"
    assert p.eu_and_state("granted") == hanke.Money("101 500")
    assert p.eu_and_state("realised") == hanke.Money("89 660")
    assert str(p.utilisation()) == "88,33 %"
    d = p.to_dict()
    assert d["horizontal_principles"]["sustainable_development"][0]["direct"] == 4
    with pytest.raises(hanke.ValidationError):
        p.eu_and_state("someday")


def test_round_trips_equality_and_pickle(tmp_path: Path) -> None:
    p = hanke.Project.load(data("projects/keko.json"))
    assert hanke.Project.from_json(p.to_json()) == p
    assert hanke.Project.from_dict(p.to_dict()) == p
    assert pickle.loads(pickle.dumps(p)) == p
    out = tmp_path / "p.json"
    p.save(str(out))
    assert hanke.Project.load(str(out)) == p
    assert p != hanke.Project.load(data("projects/toimet_S22026.json"))


def test_build_in_code_and_validate() -> None:
    p = hanke.Project(
        "Uusi hanke",
        code="S30001",
        placement={"funder": "esr_plus", "fund": "ESR+", "programme": "2021-2027", "priority": 4, "specific_objective": "4.3"},
        period={"start": "2024-01-01", "end": "2025-12-31"},
    )
    assert (p.code, p.programme_period, p.specific_objective) == ("S30001", "2021-2027", "4.3")
    # The core decides: no main implementer is recorded.
    assert [f.rule_id for f in p.validate()] == ["PRJ-IMPL-002"]
    bad = hanke.Project("X", code="S20001", placement={"programme": "2021-2027"})
    assert "PRJ-CODE-001" in [f.rule_id for f in bad.validate()]


def test_json_errors_carry_path_line_and_code() -> None:
    with pytest.raises(hanke.exceptions.JsonError) as e:
        hanke.Project.from_json('{"name": "x", "placemnet": {}}')
    assert e.value.code == "json.data"
    assert isinstance(e.value, ValueError)
    with pytest.raises(hanke.exceptions.JsonError):
        hanke.Project("x", period={"start": "2020-05-01", "end": "2019-01-01"})
    with pytest.raises(hanke.exceptions.HankeIOError) as io:
        hanke.Project.load("no/such/project.json")
    assert isinstance(io.value, OSError)


def test_findings_are_the_cores() -> None:
    p = hanke.Project.load(data("projects/yhteiskunnalliset_yritykset_esr_plus.json"))
    f = p.validate()[0]
    assert (f.rule_id, f.severity) == ("FIN-SUM-002", "info")
    assert f.message_en and f.message_fi
    assert "FIN-SUM-002" in str(f) and "FIN-SUM-002" in repr(f)


def test_catalogues_and_classifications() -> None:
    assert hanke.programmes() == ["2014-2020", "2021-2027"]
    prog = hanke.programme("2014-2020")
    tl5 = next(p for p in prog["priorities"] if p["number"] == 5)
    assert tl5["name_fi"] == "Sosiaalinen osallisuus ja köyhyyden torjunta"
    assert tl5["specific_objectives"][0]["code"] == "10.1"
    assert hanke.priority("2014-2020", "5. Sosiaalinen osallisuus ja köyhyyden torjunta")["number"] == 5
    assert hanke.priority("2014-2020", 8) is None
    so = hanke.specific_objective("2014-2020", "Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen")
    assert so is not None and so["code"] == "10.1"
    assert hanke.specific_objective("2021-2027", "4.3")["name_fi"] == "Yhdenvertaiseen osallisuuteen"
    kuopio = hanke.municipality("297", 2020)
    assert kuopio is not None and (kuopio["name_fi"], kuopio["region_name_fi"]) == ("Kuopio", "Pohjois-Savo")
    assert hanke.municipality("Helsingfors")["code"] == "091"
    assert hanke.region("Satakunta")["code"] == "04"
    assert hanke.region("Atlantis") is None
    with pytest.raises(hanke.ValidationError):
        hanke.programme("1999")


def test_exception_hierarchy() -> None:
    assert issubclass(hanke.ValidationError, hanke.HankeError)
    assert issubclass(hanke.ValidationError, ValueError)
    assert issubclass(hanke.exceptions.JsonError, hanke.ValidationError)
    assert issubclass(hanke.exceptions.CsvImportError, hanke.HankeError)
    assert issubclass(hanke.exceptions.IndicatorError, hanke.HankeError)
    assert json.loads(hanke.Project("x").to_json()) == {"name": "x", "placement": {}}
