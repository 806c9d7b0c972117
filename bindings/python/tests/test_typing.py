"""The type stubs match the compiled module, and the package is typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import hanke


def test_stubs_match_the_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "hanke._native"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_ships_stubs_and_marker() -> None:
    package = Path(hanke.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_native.pyi").exists()


def test_every_public_item_has_a_docstring_with_an_example() -> None:
    missing = []
    for name in hanke.__all__:
        if name.startswith("__"):
            continue
        item = getattr(hanke, name)
        doc = getattr(item, "__doc__", None) or ""
        if ">>>" not in doc:
            missing.append(name)
    assert missing == [], missing
