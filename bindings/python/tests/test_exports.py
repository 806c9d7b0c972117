"""IATI 2.03 and Kohesio-style exports (issue 11): every exportable project is
valid against the IATI schema shipped in schemas/iati-2.03 (lxml, offline), and
the figures in the files are the project's own."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from lxml import etree

import hanke
from conftest import ROOT

SCHEMA = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "iati-2.03" / "iati-activities-schema.xsd")))
DAY = datetime.date(2021, 1, 31)


def valid(xml: str) -> etree._ElementTree:
    doc = etree.parse(io.BytesIO(xml.encode("utf-8")))
    assert SCHEMA.validate(doc), SCHEMA.error_log
    return doc


def every_project() -> list[tuple[str, hanke.Project]]:
    out = [(p.name, hanke.Project.load(str(p))) for p in sorted((ROOT / "examples/data/projects").glob("*.json"))]
    for path in sorted((ROOT / "examples/data/eura/descriptions").glob("*.txt")):
        out.append((path.name, hanke.parse_description(path.read_text(encoding="utf-8")).project))
    for path in sorted((ROOT / "examples/data/eura/pages").glob("*.txt")):
        out.append((path.name, hanke.parse_project_page(path.read_text(encoding="utf-8")).project))
    return out


@pytest.mark.parametrize("name,project", every_project(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_project_exports_valid_iati_or_says_why_not(name: str, project: hanke.Project) -> None:
    report = hanke.EsrReport(project, DAY)
    try:
        doc = valid(report.to_iati_xml())
    except hanke.ValidationError as e:
        assert e.code in ("export.no_project_code", "export.no_reporting_organisation", "export.no_period")
        if e.code == "export.no_project_code":
            try:
                doc = valid(report.to_iati_xml(activity_id="hanke-test-1"))
            except hanke.ValidationError as again:
                assert again.code in ("export.no_reporting_organisation", "export.no_period")
                return
        else:
            return
    ident = doc.findtext("iati-activity/iati-identifier")
    assert ident is not None and ident.startswith("FI-PRO-")
    assert doc.find("iati-activity/reporting-org").get("ref") == ident.rsplit("-", 1)[0]


def test_enough_of_the_bundled_projects_are_exported() -> None:
    exported = 0
    for _, project in every_project():
        try:
            valid(hanke.EsrReport(project, DAY).to_iati_xml())
            exported += 1
        except hanke.ValidationError:
            pass
    # TOIMET and the EURA descriptions carry a project code and a Y-tunnus.
    assert exported >= 5


def test_toimet_figures_come_from_its_financing() -> None:
    p = hanke.Project.load(str(ROOT / "examples/data/projects/toimet_S22026.json"))
    doc = valid(hanke.EsrReport(p, DAY).to_iati_xml())
    a = doc.find("iati-activity")
    assert a.findtext("iati-identifier") == "FI-PRO-2211414-8-S22026"
    assert a.find("activity-status").get("code") == "3"  # ended 30.9.2020
    dates = {d.get("type"): d.get("iso-date") for d in a.findall("activity-date")}
    assert dates == {"1": "2020-05-01", "3": "2020-09-30"}
    assert a.findtext("budget/value") == "101500.00"  # granted (seed: 101 500)
    tx = {t.find("transaction-type").get("code"): t.findtext("value") for t in a.findall("transaction")}
    assert tx == {"11": "101500.00", "1": "89660.00"}  # granted, realised (seed: 89 660)
    roles = sorted(o.get("role") for o in a.findall("participating-org") if o.get("ref") == "FI-PRO-2211414-8")
    assert roles == ["2", "4"]


def test_results_carry_project_and_common_indicators() -> None:
    # Lähde mukaan! with its synthetic participants and activity log; its main
    # implementer gets a placeholder business ID (1234567-1, not a real one).
    data = json.loads((ROOT / "examples/data/projects/lahde_mukaan_S20250.json").read_text(encoding="utf-8"))
    for i in data["implementers"]:
        if i["role"] == "main":
            i["organisation"]["business_id"] = "1234567-1"
    p = hanke.Project.from_json(json.dumps(data))
    people = hanke.read_participants(
        str(ROOT / "examples/data/participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True
    )
    log = hanke.ActivityLog.load(str(ROOT / "examples/data/activities/lahde_mukaan_S20250.json"))
    report = hanke.EsrReport(p, datetime.date(2017, 6, 30), participants=people, activities=log)
    doc = valid(report.to_iati_xml())
    actual = {
        i.find("reference").get("code"): i.find("period/actual").get("value")
        for i in doc.iterfind("iati-activity/result/indicator")
        if i.find("period/actual") is not None
    }
    assert actual["CR04"] == "6"  # Duuniin!: 2 open market, 2 pay-subsidised, 2 apprenticeships
    assert actual["CO01"] is not None
    own = report.project_indicators().to_pylist()
    for row in own:
        if row["actual"] is not None and row["code"] in actual:
            assert actual[row["code"]].startswith(str(row["actual"]).split(",")[0])


def test_kohesio_rows() -> None:
    projects = [hanke.Project.load(str(p)) for p in sorted((ROOT / "examples/data/projects").glob("*.json"))]
    rows = list(csv.DictReader(io.StringIO(hanke.kohesio_csv(projects))))
    assert len(rows) == len(projects)
    toimet = next(r for r in rows if r["operation_code"] == "S22026")
    assert toimet["beneficiary_id"] == "2211414-8"
    assert toimet["total_cost_eur"] == "101500.00"
    assert (toimet["start_date"], toimet["end_date"], toimet["country"]) == ("2020-05-01", "2020-09-30", "FI")
    assert toimet["specific_objective"] == "10.1"
    # Point (l): Pohjois-Savo's NUTS 3 code; (m): the beneficiary's post address.
    assert (toimet["location"], toimet["beneficiary_location"]) == ("FI1D2", "70620 Kuopio")
    # One column per point of CPR Art 49(3), in the Rust core's order.
    assert list(rows[0].keys())[-4:] == ["location", "country", "beneficiary_location", "type_of_intervention"]
