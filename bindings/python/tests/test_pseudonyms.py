"""Keyed pseudonyms: the shared vectors (tests/vectors/pseudonyms.json, computed
with Python's hmac independently of hanke) give the same pseudonym in Python,
Rust and Kotlin, and reading a file with a secret gives the same one (issue 26)."""

from __future__ import annotations

import json
import pathlib

import pytest

import hanke
from hanke import exceptions as ex

ROOT = pathlib.Path(__file__).resolve().parents[3]
DOC = json.loads((ROOT / "tests" / "vectors" / "pseudonyms.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DOC["cases"], ids=lambda c: c["code"])
def test_pseudonyms_are_the_shared_vectors(case: dict[str, str]) -> None:
    got = hanke.pseudonym(case["code"], case["secret"].encode(), accept_temporary=True)
    assert got == case["pseudonym"]


@pytest.mark.parametrize("case", DOC["refused"], ids=lambda c: c["error"])
def test_refusals_are_coded_and_never_repeat_the_code(case: dict[str, str]) -> None:
    with pytest.raises(ex.HankeError) as e:
        hanke.pseudonym(case["code"], case["secret"].encode(), accept_temporary=True)
    assert e.value.code == case["error"]
    assert case["code"][7:] not in str(e.value)


def test_a_file_read_with_the_secret_gives_the_same_pseudonym(tmp_path: pathlib.Path) -> None:
    case = DOC["cases"][0]
    path = tmp_path / "p.csv"
    path.write_text(f"participant_id;entry_date;identity_code\nP1;2024-03-01;{case['code']}\n", encoding="utf-8")
    ps = hanke.read_participants(str(path), accept_temporary_codes=True, secret=case["secret"].encode())
    assert ps.to_dicts()[0]["pseudonym"] == case["pseudonym"]
