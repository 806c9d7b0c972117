"""Offline capture and sync of participant records — the core's ``hanke::sync``.

A server or a notebook reads what phones send, merges three versions of a
record (the common ancestor, local, remote) and re-validates forms answered
under an older edition, with exactly the rules the phones use. A conflict is
listed with both values and never chosen for you; an exit on one side and a
re-entry on the other follow the period's re-entry rule (ADR 0022).

>>> from hanke.sync import SyncRecord, merge
>>> entry = {"entry_date": "2024-03-01", "birth_date": "1990-05-05", "gender": "non_binary",
...          "labour_status": "inactive", "education": "3"}
>>> base = SyncRecord.capture("2021-2027", "P-1", entry, at="2024-03-01T08:00:00Z", by="device:phone-7")
>>> local, remote = SyncRecord.from_json(base.to_json()), SyncRecord.from_json(base.to_json())
>>> _ = local.edit({"gender": "woman"}, at="2024-03-02T08:00:00Z", by="device:phone-7")
>>> _ = remote.edit({"gender": "man"}, at="2024-03-02T09:00:00Z", by="role:coordinator")
>>> outcome = merge(base, local, remote)
>>> outcome.conflicts[0]["kind"], outcome.conflicts[0]["local"], outcome.conflicts[0]["remote"]
('field', 'woman', 'man')
>>> outcome.resolve(0, "remote", at="2024-03-03T08:00:00Z", by="role:coordinator")
>>> outcome.record().fields["gender"]
'man'
"""

from hanke._native import MergeOutcome, SyncRecord, merge

__all__ = ["MergeOutcome", "SyncRecord", "merge"]
