"""Synced participant records: the shared merge vectors (tests/vectors/merges.json)
that Rust and Kotlin run too, the audit trail, re-validation under a newer form
edition, and the refusals (issue 26)."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any

import pytest

import hanke
from hanke import exceptions as ex
from hanke.sync import SyncRecord, merge

from conftest import vectors

ROOT = pathlib.Path(__file__).resolve().parents[3]
DOC = json.loads((ROOT / "tests" / "vectors" / "merges.json").read_text(encoding="utf-8"))

ENTRY = {
    "entry_date": "2024-03-01",
    "birth_date": "1990-05-05",
    "gender": "man",
    "labour_status": "inactive",
    "education": "3",
}


def _apply(record: SyncRecord, ops: list[dict[str, Any]]) -> SyncRecord:
    r = SyncRecord.from_json(record.to_json())
    for op in ops:
        if op["op"] == "edit":
            r.edit(op["answers"], at=op["at"], by=op["by"])
        elif op["op"] == "reenter":
            r.reenter(datetime.date.fromisoformat(op["date"]), at=op["at"], by=op["by"])
        elif op["op"] == "delete":
            r.delete(at=op["at"], by=op["by"])
        else:
            raise AssertionError(op)
    return r


@pytest.mark.parametrize("case", DOC["cases"], ids=lambda c: c["name"])
def test_the_shared_merge_vectors(case: dict[str, Any]) -> None:
    anc = case["ancestor"]
    secret = case["secret"].encode() if "secret" in case else None
    ancestor = SyncRecord.capture(
        case["period"], case["id"], anc["answers"], at=anc["at"], by=anc["by"], secret=secret
    )
    local, remote = _apply(ancestor, case["local"]), _apply(ancestor, case["remote"])
    outcome = merge(ancestor, local, remote)
    expect = case["expect"]
    assert outcome.preview.fields == expect["fields"]
    assert outcome.preview.deleted == expect["deleted"]
    assert outcome.conflicts == expect["conflicts"]
    assert [n.rule_id for n in outcome.notes] == expect["notes"]
    if outcome.unresolved:
        with pytest.raises(ex.ParticipantError) as e:
            outcome.record()
        assert e.value.code == "sync.unresolved"
        assert {f.rule_id for f in outcome.findings()} >= {"SYNC-CONF-001"}
    # The swap gives the same record: the merge is symmetric.
    assert merge(ancestor, remote, local).preview == outcome.preview
    if "resolve" in expect:
        res = expect["resolve"]
        outcome.resolve(res["index"], res["side"], at=res["at"], by=res["by"])
        record = outcome.record()
        assert record.fields == res["fields"]
        assert record.deleted == res.get("deleted", False)
        assert record.history[-1]["by"] == res["by"]
    assert "010190" not in local.to_json()


def test_the_audit_trail_says_who_when_old_and_new() -> None:
    r = SyncRecord.capture("2021-2027", "REC-1", ENTRY, at="2024-03-01T09:00:00+02:00", by="device:tablet-2")
    assert r.history[0]["at"] == "2024-03-01T07:00:00Z"
    changes = r.edit({"gender": "Nainen"}, at="2024-03-02T08:00:00Z", by="role:participant")
    assert changes == [
        {
            "field": "gender",
            "old": "man",
            "new": "woman",
            "at": "2024-03-02T08:00:00Z",
            "by": "role:participant",
            "form": "2021-2027#2",
        }
    ]
    assert "REC-1" in repr(r) and "woman" not in repr(r)


@pytest.mark.parametrize(
    ("by", "at"),
    [("Maija Meikäläinen", "2024-03-02T08:00:00Z"), ("device:010190-901R", "2024-03-02T08:00:00Z"),
     ("role:participant", "2024-03-02 08:00"), ("role:participant", "2024-03-02T08:00:00")],
)
def test_stamps_without_a_name_and_with_an_offset(by: str, at: str) -> None:
    r = SyncRecord.capture("2021-2027", "REC-1", ENTRY, at="2024-03-01T09:00:00Z", by="device:a")
    with pytest.raises(ex.ParticipantError) as e:
        r.edit({"gender": "woman"}, at=at, by=by)
    assert e.value.code in ("sync.invalid_source", "sync.invalid_time")
    assert "901R" not in str(e.value)  # masked as every echo is: the date part only
    assert r.fields["gender"] == "man"


def test_an_identity_code_is_keyed_or_refused() -> None:
    with_code = dict(ENTRY, birth_date="1990-01-01", identity_code="010190-901R")
    with pytest.raises(ex.ParticipantError) as e:
        SyncRecord.capture("2021-2027", "REC-2", with_code, at="2024-03-01T09:00:00Z", by="device:a")
    assert e.value.code == "sync.identity_code_not_pseudonymised"
    secret = b"0123456789abcdef-test-secret"
    r = SyncRecord.capture("2021-2027", "REC-2", with_code, at="2024-03-01T09:00:00Z", by="device:a", secret=secret)
    assert r.fields["pseudonym"] == hanke.pseudonym("010190-901R", secret, accept_temporary=True)
    assert "identity_code" not in r.fields and "010190" not in r.to_json()
    with pytest.raises(ex.ParticipantError) as e:
        r.edit({"identity_code": "010190-901R"}, at="2024-03-02T09:00:00Z", by="device:a")
    assert e.value.code == "sync.identity_code_not_pseudonymised"


def test_revalidation_names_the_edition_of_each_answer() -> None:
    r = SyncRecord.capture("2021-2027", "REC-3", ENTRY, at="2024-03-01T09:00:00Z", by="device:a")
    data = json.loads(r.to_json())
    # As an app on the first edition of the form would have sent it.
    for state in data["fields"].values():
        state["changed"]["form"] = "2021-2027#1"
    for change in data["history"]:
        change["stamp"]["form"] = "2021-2027#1"
    old = SyncRecord.from_json(json.dumps(data))
    found = old.revalidate()
    notes = [(f, v) for f, v in found if f.rule_id == "QST-VER-001"]
    assert len(notes) == 1 and notes[0][1] == "2021-2027#1"
    assert "re-validated under 2021-2027#2" in notes[0][0].message_en
    assert not [f for f, _ in found if f.severity == "error"]
    # A record of another period's form is refused, not read under the wrong rules.
    data["fields"]["gender"]["changed"]["form"] = "2014-2020#2"
    with pytest.raises(ex.ParticipantError) as e:
        SyncRecord.from_json(json.dumps(data))
    assert e.value.code == "sync.form_of_other_period"


def test_a_bad_side_is_coded() -> None:
    r = SyncRecord.capture("2021-2027", "REC-4", ENTRY, at="2024-03-01T09:00:00Z", by="device:a")
    outcome = merge(r, r, r)
    with pytest.raises(ex.ParticipantError) as e:
        outcome.resolve(0, "left", at="2024-03-01T09:00:00Z", by="role:coordinator")  # type: ignore[arg-type]
    assert e.value.code == "sync.invalid_side"
    with pytest.raises(ex.ParticipantError) as e:
        outcome.resolve(0, "local", at="2024-03-01T09:00:00Z", by="role:coordinator")
    assert e.value.code == "sync.no_such_conflict"


@pytest.mark.parametrize("case", vectors("days.json"), ids=lambda c: c["input"])
def test_a_re_entry_day_is_read_in_the_one_grammar_of_a_day(case: dict[str, Any]) -> None:
    # tests/vectors/days.json, shared with Rust and Kotlin: what a device sends
    # as text is read as the files read a day.
    r = SyncRecord.capture("2021-2027", "REC-1", ENTRY, at="2024-03-01T09:00:00+02:00", by="device:tablet-2")
    if case["day"] is None:
        with pytest.raises(ex.HankeError) as e:
            r.edit({"reentry_date": case["input"]}, at="2024-03-02T08:00:00Z", by="device:tablet-2")
        assert e.value.code == "sync.answers_rejected"
    else:
        r.edit({"reentry_date": case["input"]}, at="2024-03-02T08:00:00Z", by="device:tablet-2")
        assert r.fields["reentry_date"] == case["day"]
