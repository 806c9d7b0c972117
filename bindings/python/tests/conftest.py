"""Shared fixtures: paths into the repository's example data and vectors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in docstrings and examples are relative to the repository root.
    monkeypatch.chdir(ROOT)


def data(path: str) -> str:
    return str(ROOT / "examples" / "data" / path)


def vectors(name: str) -> list[dict[str, Any]]:
    with open(ROOT / "tests" / "vectors" / name, encoding="utf-8") as f:
        cases: list[dict[str, Any]] = json.load(f)["cases"]
    return cases

