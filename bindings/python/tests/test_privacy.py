"""Identity codes never leak through Python (issue 10; RELIABILITY.md).

Synthetic codes only (temporary individual numbers 900–999), in the right
column and in wrong ones, mistyped or valid; every ``repr``, exception, finding,
table and report holds none of them.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import hanke

DATA = Path(__file__).resolve().parents[3] / "examples" / "data"

# Valid temporary codes, and the same with a wrong check character.
VALID = ["131299-995P", "010105A903V"]
TYPOS = ["131299-995X", "010105A903W"]
CODES = VALID + TYPOS


def assert_no_code(what: str, text: str) -> None:
    for code in CODES:
        # The whole code, or its last five characters (all but the birth date).
        assert code not in text and code[6:] not in text, f"{what} leaks {code[:6]}"


def test_errors_of_every_validator_and_value_type() -> None:
    for code in CODES:
        for call in (
            lambda: hanke.Money(code),
            lambda: hanke.Rate(code),
            lambda: hanke.BusinessId(code),
            lambda: hanke.ProjectCode(code),
            lambda: hanke.validate_identity_code(code),
            lambda: hanke.validate_business_id(code),
            lambda: hanke.Project.from_json(json.dumps({"name": "x", "code": code})),
            lambda: hanke.Project.from_json(json.dumps({"name": "x", code: 1})),
        ):
            with pytest.raises(hanke.HankeError) as caught:
                call()
            assert_no_code("exception", f"{caught.value!s} {caught.value!r}")


def csv_with_codes() -> str:
    rows = ["participant_id,entry_date,identity_code,birth_date,gender,labour_status"]
    for i, code in enumerate(CODES):
        rows += [
            f"P{i},2020-01-0{i + 1},{code},,woman,employed",
            f"{code},2020-01-01,,,woman,employed",
            f"Q{i},{code},,,woman,employed",
            f"R{i},2020-01-01,,{code},woman,employed",
            f"S{i},2020-01-01,,,{code},employed",
            f"T{i},2020-01-01,,,woman,{code}",
        ]
    return "\n".join(rows) + "\n"


def test_the_import_its_findings_and_the_report(tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text(csv_with_codes(), encoding="utf-8")
    ps = hanke.read_participants(str(f), accept_temporary_codes=True)
    # The two valid codes are read; every other row is rejected.
    assert (len(ps), ps.report["rejected"]) == (2, 22)
    assert_no_code("Participants repr", repr(ps))
    assert_no_code("report", repr(ps.report))
    for finding in ps.rejections() + ps.findings():
        assert_no_code("Finding", f"{finding!r} {finding.message_en} {finding.message_fi} {finding.path}")
    assert_no_code("findings table", repr(ps.findings_table().to_pylist()))
    assert_no_code("records", repr(ps.to_dicts()))
    report = hanke.EsrReport(
        hanke.Project.load(str(DATA / "projects" / "lahde_mukaan_S20250.json")),
        datetime.date(2021, 1, 1),
        participants=ps,
    )
    for text in (report.to_markdown("fi"), report.to_markdown("en"), report._repr_html_(), report.to_json()):
        assert_no_code("ESR report", text)
    assert_no_code("findings", repr(report.findings()))


def test_pseudonymised_import_keeps_no_code(tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text(csv_with_codes(), encoding="utf-8")
    ps = hanke.read_participants(
        str(f), accept_temporary_codes=True, secret=b"a secret of at least 32 bytes!!!", drop_identity_codes=True
    )
    assert_no_code("pseudonymised records", repr(ps.to_dicts()))
    assert all(len(d["pseudonym"]) == 64 for d in ps.to_dicts())


def test_a_file_without_header_does_not_echo_its_first_row(tmp_path: Path) -> None:
    for code in CODES:
        f = tmp_path / "no_header.csv"
        f.write_text(f"P1,2020-01-01,{code}\n", encoding="utf-8")
        with pytest.raises(hanke.HankeError) as caught:
            hanke.read_participants(str(f))
        assert_no_code("CsvImportError", f"{caught.value!s} {caught.value!r}")
        # Nor a file name that holds a code.
        with pytest.raises(hanke.HankeError) as caught:
            hanke.read_participants(str(tmp_path / f"{code}.csv"))
        assert_no_code("HankeIOError", f"{caught.value!s} {caught.value!r}")
