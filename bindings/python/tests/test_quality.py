"""Data quality before reporting from Python (issue 11): the same findings as
the Rust core, with lines of the CSV rows and messages in three languages."""

import datetime
from pathlib import Path

import hanke
from conftest import ROOT

PROJECT = hanke.Project.from_json(
    '{"code": "S20250", "name": "Testihanke",'
    ' "placement": {"funder": "esr", "programme": "2014-2020", "priority": 5, "specific_objective": "10.1"},'
    ' "period": {"start": "2016-01-01", "end": "2016-12-31"}}'
)


def test_findings_carry_the_line_of_the_row_and_three_languages(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "participant_id,entry_date,exit_date,exit_situation\n"
        "P1,2016-02-01,2016-06-30,avoimet työmarkkinat\n"
        "P2,2016-10-01,,\n"
        "P3,2015-12-01,2016-03-01,avoimet työmarkkinat\n",
        encoding="utf-8",
    )
    people = hanke.read_participants(str(csv))
    findings = hanke.check_quality(PROJECT, datetime.date(2017, 6, 30), participants=people)
    dq = {(f.rule_id, f.path): f for f in findings if f.rule_id.startswith("DQ-")}
    assert set(dq) == {("DQ-EXIT-001", "participants[P2].exit"), ("DQ-DATE-001", "participants[P3].entry.date")}
    missing = dq[("DQ-EXIT-001", "participants[P2].exit")]
    assert (missing.severity, missing.line) == ("error", 3)
    assert missing.message_en == "no exit form, though the project ended on 2016-12-31"
    assert missing.message_fi == "lopetustiedot puuttuvat, vaikka hanke päättyi 2016-12-31"
    assert missing.message_sv == "slutuppgifter saknas, fast projektet avslutades 2016-12-31"
    assert dq[("DQ-DATE-001", "participants[P3].entry.date")].line == 4
    # Errors come first.
    assert findings[0].severity == "error"
    # A longer grace period: the exit is not yet missing.
    later = hanke.check_quality(PROJECT, datetime.date(2017, 6, 30), participants=people, missing_exit_grace_days=365)
    assert all(f.rule_id != "DQ-EXIT-001" for f in later)


def test_the_bundled_lahde_mukaan_data_are_clean() -> None:
    p = hanke.Project.load(str(ROOT / "examples/data/projects/lahde_mukaan_S20250.json"))
    people = hanke.read_participants(
        str(ROOT / "examples/data/participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True
    )
    log = hanke.ActivityLog.load(str(ROOT / "examples/data/activities/lahde_mukaan_S20250.json"))
    assert hanke.check_quality(p, datetime.date(2026, 12, 31), participants=people, activities=log) == []


def test_an_explanation_recomputes_its_figure_and_names_no_identity_code() -> None:
    ps = hanke.read_participants(
        str(ROOT / "examples/data/participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True
    )
    ind = ps.indicators(cut_off=datetime.date(2017, 6, 30))
    for row in ind.table().to_pylist():
        if row["total"] is None:
            continue
        why = ps.explain(row["code"], cut_off=datetime.date(2017, 6, 30))
        counted = [r for r in why["records"] if r["outcome"] == "counted"]
        assert len(counted) == row["total"], row["code"]
        women = sum(1 for r in counted if r["gender"] == "woman")
        assert women == row["women"], row["code"]
        assert len(why["records"]) == len(ps)
    why = ps.explain("CR04")
    assert why["indicator"]["code"] == "CR04" and "source" in why["indicator"]
    assert why["parameters"]["age_at"] == "entry"
    assert "counted (6)" in why["text"]
    csv_text = (ROOT / "examples/data/participants/lahde_mukaan_S20250.csv").read_text(encoding="utf-8")
    codes = {line.split(",")[1] for line in csv_text.splitlines()[1:] if line.count(",") > 1}
    assert not any(code and code in why["text"] for code in codes if len(code) == 11)
