"""The adversarial corpus through every Python output (issue 23).

``tests/vectors/adversarial.json`` — synthetic identity codes (temporary
numbers 900–999) in every spelling, markup, spreadsheet formulas and extreme
arguments — is read here as by the Rust and Kotlin suites. Whatever a hostile
text goes through (an argument, a project's name, a CSV cell, an EURA list
row), no code, no live tag and no live formula comes out, every failure is a
``HankeError`` with a code, and nothing panics.
"""

from __future__ import annotations

import datetime
import decimal
import json
import math
import pathlib
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import hanke

from conftest import ROOT, data

CORPUS: dict[str, Any] = json.loads((ROOT / "tests" / "vectors" / "adversarial.json").read_text("utf-8"))
CODES: list[dict[str, str]] = CORPUS["codes"]
SECRETS = [c["secret"].upper() for c in CODES]
HOSTILE: list[str] = [c["text"] for c in CODES] + CORPUS["markup"] + CORPUS["formulas"]
CUT_OFF = datetime.date(2021, 1, 31)
LIVE_TAG = re.compile(r"<(img|script|b)\b", re.IGNORECASE)


def assert_safe(what: str, text: object) -> None:
    out = str(text)
    upper = out.upper()
    for secret in SECRETS:
        assert secret not in upper, f"{what}: {secret} in {out[:300]!r}"
    assert not LIVE_TAG.search(out), f"{what}: live tag in {out[:300]!r}"
    assert 'href="javascript' not in out.lower(), f"{what}: live link in {out[:300]!r}"


def raises_coded(what: str, call: Callable[[], object]) -> hanke.HankeError | None:
    """Calls ``call``; a failure must be a HankeError with a code, and safe."""
    try:
        out = call()
    except hanke.HankeError as e:
        assert isinstance(e.code, str) and "." in e.code, f"{what}: {e.code!r}"
        assert_safe(what, f"{e!s} {e!r} {e.args!r}")
        return e
    assert_safe(what, repr(out))
    return None


def project_with(text: str) -> hanke.Project:
    d = json.loads(pathlib.Path(data("projects/toimet_S22026.json")).read_text("utf-8"))
    d["name"] = f"{text} hanke"
    d["acronym"] = text
    for i in d["implementers"]:
        i["organisation"]["name"] = text
        i["description"] = f"kuvaus {text}"
    return hanke.Project.from_dict(d)


@pytest.mark.parametrize("text", HOSTILE)
def test_reports_and_exports_of_a_hostile_project(text: str) -> None:
    p = project_with(text)
    assert_safe("repr", repr(p))
    report = hanke.EsrReport(p, CUT_OFF)
    for lang in ("fi", "en"):
        assert_safe("markdown", report.to_markdown(lang))
    assert_safe("html", report._repr_html_())
    assert_safe("markdown repr", report._repr_markdown_())
    assert_safe("json", report.to_json())
    assert_safe("report repr", repr(report))
    for f in report.findings():
        assert_safe("finding", f"{f!r} {f.message_en} {f.message_fi} {f.path}")
    raises_coded("iati", report.to_iati_xml)
    csv = hanke.kohesio_csv([p])
    assert_safe("kohesio", csv)
    for formula in CORPUS["formulas"]:
        assert f",{formula}" not in csv and not csv.splitlines()[1].startswith(formula)
    assert_safe("portfolio", hanke.portfolio_report([report]))
    assert_safe("quality", [repr(f) for f in hanke.check_quality(p, CUT_OFF)])
    if any(c["text"] == text for c in CODES):
        assert any(f.rule_id == "PUB-CODE-001" for f in report.findings()), text
    if text in CORPUS["markup"]:
        assert any(f.rule_id == "PUB-MARKUP-001" for f in report.findings()), text


@pytest.mark.parametrize("text", HOSTILE)
def test_every_argument_error_is_coded_and_masked(text: str) -> None:
    p = hanke.Project.load(data("projects/toimet_S22026.json"))
    people = hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True)
    plist = hanke.ProjectList.load(data("eura/eura2014_projektilista.csv"))
    calls: dict[str, Callable[[], object]] = {
        "Money": lambda: hanke.Money(text),
        "Rate": lambda: hanke.Rate(text),
        "BusinessId": lambda: hanke.BusinessId(text),
        "ProjectCode": lambda: hanke.ProjectCode(text),
        "validate_identity_code": lambda: hanke.validate_identity_code(text),
        "validate_business_id": lambda: hanke.validate_business_id(text),
        "validate_project_code": lambda: hanke.validate_project_code(text),
        "json key": lambda: hanke.Project.from_json(json.dumps({"name": "x", text: 1})),
        "json value": lambda: hanke.Project.from_json(json.dumps({"name": "x", "code": text})),
        "programme": lambda: hanke.programme(text),
        "priority": lambda: hanke.priority(text, 1),
        "priority text": lambda: hanke.priority("2014-2020", text),
        "specific_objective": lambda: hanke.specific_objective("2014-2020", text),
        "municipality": lambda: hanke.municipality(text),
        "total": lambda: p.total(text),
        "eu_and_state": lambda: p.eu_and_state(text),
        "explain": lambda: people.explain(text),
        "indicators": lambda: people.indicators(catalogue=text),
        "portfolio by": lambda: plist.portfolio(by=text),
        "portfolio fund": lambda: plist.portfolio(fund=text),
        "table fund": lambda: plist.table(fund=text),
        "list project": lambda: plist.project(text),
        "report lang": lambda: hanke.EsrReport(p, CUT_OFF, lang=text),
        "markdown lang": lambda: hanke.EsrReport(p, CUT_OFF).to_markdown(text),
        "published lang": lambda: people.indicators().published_markdown(text),
        "activity json": lambda: hanke.ActivityLog.from_json(json.dumps({"activities": [{"kind": text}]})),
        "activity key": lambda: hanke.ActivityLog.from_json(json.dumps({text: []})),
        "indicators json": lambda: hanke.Indicators.from_json(json.dumps({text: 1})),
        "load": lambda: hanke.Project.load(f"/nonexistent/{text}.json"),
        "save": lambda: p.save(f"/nonexistent/{text}.json"),
        "read_participants path": lambda: hanke.read_participants(f"/nonexistent/{text}.csv"),
        "period": lambda: hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), period=text),  # type: ignore[arg-type]
        "encoding": lambda: hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), encoding=text),  # type: ignore[arg-type]
        "ignore_columns": lambda: hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), ignore_columns=[text]),
        "percent": lambda: hanke.Rate("1/3").percent(text),  # type: ignore[arg-type]
        "synthetic period": lambda: hanke.testing.synthetic_participants(10, text),
    }
    for what, call in calls.items():
        raises_coded(f"{what}({text!r})", call)


@pytest.mark.parametrize("text", HOSTILE)
def test_files_and_lists_holding_hostile_text(tmp_path: pathlib.Path, text: str) -> None:
    q = text.replace('"', '""')
    csv = f'participant_id,entry_date,gender\n"{q}",2016-03-01,"{q}"\nP2,"{q}",woman\nP3,2016-03-01,woman\n'
    source = tmp_path / "hostile.csv"
    source.write_text(csv, "utf-8")
    people = hanke.read_participants(source, period="2014-2020")
    for f in people.rejections() + people.findings():
        assert_safe("import finding", f"{f!r} {f.message_en} {f.message_fi} {f.message_sv}")
    assert_safe("report", people.report)
    assert_safe("to_dicts", people.to_dicts())
    assert_safe("findings table", people.findings_table().to_pylist() if hasattr(people.findings_table(), "to_pylist") else "")
    raises_coded("explain", lambda: people.explain("EECO01"))
    # The same text in an EURA list row and in a description.
    header = (ROOT / "examples" / "data" / "eura" / "eura2014_projektilista.csv").read_text("utf-8").splitlines()[0]
    row = ",".join(f'"{q}"' for _ in header.split(","))
    plist = hanke.ProjectList.from_csv(header + "\n" + row + "\n")
    for f in plist.rejections():
        assert_safe("list rejection", f"{f!r} {f.message_en} {f.message_fi}")
    assert_safe("list report", plist.report)
    parsed = hanke.parse_description(f"Hankkeen nimi: {text}\nHankkeen koodi: S20999\n{text}\n")
    assert_safe("description repr", repr(parsed))
    for f in parsed.findings():
        assert_safe("description finding", f"{f!r} {f.message_en}")
    assert_safe("markdown_html", hanke.markdown_html(f"# {text}\n\n{text}"))


def test_extreme_arguments_are_coded_errors(tmp_path: pathlib.Path) -> None:
    p = hanke.Project.load(data("projects/toimet_S22026.json"))
    for d in CORPUS["extreme"]["percent_decimals"]:
        e = raises_coded("percent", lambda: hanke.Rate("1/3").percent(d))
        assert e is not None and e.code == "money.decimals"
    for bad in (2**62, -1, 2**70, 1.5, "7", True):
        for call in (
            lambda: hanke.check_quality(p, CUT_OFF, missing_exit_grace_days=bad),  # type: ignore[arg-type]
            lambda: hanke.check_quality(p, CUT_OFF, implausible_factor=bad),  # type: ignore[arg-type]
            lambda: hanke.suppress_small_counts([1, 2], min_group=bad),  # type: ignore[arg-type]
            lambda: hanke.Money.from_cents(bad),  # type: ignore[arg-type]
            lambda: hanke.municipality("Kuopio", bad),  # type: ignore[arg-type]
            lambda: hanke.testing.synthetic_participants(bad),  # type: ignore[arg-type]
        ):
            try:
                call()
            except hanke.HankeError as e:
                assert e.code.startswith(("argument.", "classify.")), e.code
    # Paths as pathlib.Path, a BOM, Decimal and date values, a datetime refused.
    path = pathlib.Path(data("projects/toimet_S22026.json"))
    assert hanke.Project.load(path) == p
    p.save(tmp_path / "p.json")
    assert hanke.Project.load(tmp_path / "p.json") == p
    assert hanke.Project.from_json("\ufeff" + path.read_text("utf-8")) == p
    with pytest.raises(hanke.ValidationError) as caught:
        hanke.Project.load(123)  # type: ignore[arg-type]
    assert caught.value.code == "argument.type"
    d = p.to_dict()
    d["period"] = {"start": datetime.date(2020, 5, 1), "end": datetime.date(2020, 9, 30)}
    assert hanke.Project.from_dict(d).period == p.period
    with pytest.raises(hanke.ValidationError) as caught:
        hanke.Project.from_dict({**d, "period": {"start": datetime.datetime(2020, 5, 1, 23, 30), "end": "2020-09"}})
    assert caught.value.code == "argument.type"
    for weird in (decimal.Decimal("NaN"), math.inf, {1, 2}, object(), 2**80):
        raises_coded("from_dict", lambda: hanke.Project.from_dict({"name": "x", "acronym": weird}))
    e = raises_coded("year 0", lambda: hanke.Project.from_dict({"name": "x", "period": {"start": "0000", "end": "2020"}}))
    assert e is not None and e.code == "json.data"


def test_a_polars_null_column_is_a_coded_error() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"participant_id": ["P1"], "entry_date": [datetime.date(2022, 1, 1)], "gender": [None]})
    raises_coded("null column", lambda: hanke.common_indicators(df, period="2021-2027"))


def public_callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """Every public function of hanke, and every public method of an instance
    of each class (built from the bundled data)."""
    p = hanke.Project.load(data("projects/toimet_S22026.json"))
    people = hanke.read_participants(data("participants/lahde_mukaan_S20250.csv"), accept_temporary_codes=True)
    report = hanke.EsrReport(p, CUT_OFF, participants=people)
    instances: list[object] = [
        p,
        people,
        report,
        people.indicators(),
        hanke.ActivityLog.load(data("activities/keko.json")),
        hanke.ProjectList.load(data("eura/eura2014_projektilista.csv")),
        hanke.Money("1,50"),
        hanke.Rate("1/3"),
        hanke.BusinessId("2211414-8"),
        hanke.ProjectCode("S22026"),
        hanke.rule_table(),
        hanke.testing.synthetic_participants(10),
    ]
    skip = {"_panic_probe", "time_common_indicators", "synthetic_participants"}
    for name in hanke.__all__:
        obj = getattr(hanke, name)
        if callable(obj) and name not in skip and not (isinstance(obj, type) and issubclass(obj, BaseException)):
            yield name, obj
    for inst in instances:
        for name in dir(inst):
            if name.startswith("__") or name in skip:
                continue
            attr = getattr(inst, name)
            if callable(attr):
                yield f"{type(inst).__name__}.{name}", attr


EXTREME: list[object] = [None, "", "\x00", -1, 2**63, 2**70, 1.5, math.nan, b"\xff", [], {}, object(), *HOSTILE[:3]]


def test_every_public_callable_with_extreme_arguments(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No panic and no leak from any public function, constructor or method,
    whatever it is given; a failure is a HankeError, or Python's TypeError
    where the argument is of a type the signature does not take at all
    (RELIABILITY.md)."""
    panic = type(_panic())
    # `save("010190-900P")` writes where it is told: somewhere harmless.
    monkeypatch.chdir(tmp_path)
    for name, f in public_callables():
        for arg in EXTREME:
            for args in ((arg,), (arg, arg)):
                try:
                    out = f(*args)
                except hanke.HankeError as e:
                    assert_safe(name, f"{e!s} {e!r}")
                except TypeError as e:
                    assert_safe(name, str(e))
                except panic as e:  # pragma: no cover - the failure this test exists for
                    pytest.fail(f"{name}{args!r} panicked: {e}")
                except Exception as e:  # noqa: BLE001
                    pytest.fail(f"{name}{args!r} raised {type(e).__name__} without a code: {e}")
                else:
                    assert_safe(name, repr(out)[:10_000])


def _panic() -> BaseException:
    try:
        hanke._native._panic_probe()
    except BaseException as e:  # noqa: BLE001
        return e
    raise AssertionError("the panic probe did not panic")


def test_every_day_argument_refuses_a_datetime() -> None:
    # A datetime is a date to Python; which day an instant is depends on a
    # zone the caller decides. Every argument typed ``datetime.date`` in the
    # stub refuses one (argument.type) and takes the date — as the dict
    # readers (Project.from_dict, sync answers) already did.
    import polars as pl

    from hanke.sync import SyncRecord

    stub = (ROOT / "bindings" / "python" / "python" / "hanke" / "_native.pyi").read_text("utf-8")
    day_params = re.findall(r"\b(\w+): datetime\.date\b(?!\])", stub)
    p = hanke.Project.from_dict(json.loads(pathlib.Path(data("projects/toimet_S22026.json")).read_text("utf-8")))
    df = pl.DataFrame({"participant_id": ["P1"], "entry_date": [datetime.date(2024, 3, 1)]})
    people = hanke.read_participants(df)
    rec = SyncRecord.capture(
        "2021-2027",
        "REC-1",
        {"entry_date": "2024-03-01", "birth_date": "1990-05-05", "gender": "man", "labour_status": "inactive", "education": "3"},
        at="2024-03-01T09:00:00Z",
        by="device:t",
    )
    kit = ROOT / "conformance" / "sfc2021"
    calls: dict[str, Callable[[Any], object]] = {
        "Participants.indicators": lambda d: people.indicators(cut_off=d),
        "Participants.explain": lambda d: people.explain("EECO01", cut_off=d),
        "common_indicators": lambda d: hanke.common_indicators(df, cut_off=d),
        "time_common_indicators": lambda d: hanke.testing.time_common_indicators(df, repeat=1, cut_off=d),
        "EsrReport": lambda d: hanke.EsrReport(p, d),
        "check_quality": lambda d: hanke.check_quality(p, d),
        "SyncRecord.reenter": lambda d: SyncRecord.from_json(rec.to_json()).reenter(d, at="2024-09-01T09:00:00Z", by="device:t"),
        "sfc_kit": lambda d: hanke.sfc_kit(kit, cut_off=d),
        "sfc_tables": lambda d: hanke.sfc_tables([], cut_off=d),
    }
    # Every day argument of the stub is here: a new one must be added.
    assert len(day_params) == len(calls), day_params
    utc = datetime.timezone.utc
    for name, call in calls.items():
        for bad in (datetime.datetime(2024, 6, 30, 23, 30), datetime.datetime(2024, 6, 30, 21, 30, tzinfo=utc), "2024-06-30"):
            with pytest.raises(hanke.ValidationError) as caught:
                call(bad)
            assert caught.value.code == "argument.type", name
        try:
            call(datetime.date(2024, 6, 30))
        except hanke.ValidationError as e:
            assert e.code != "argument.type", (name, e)
