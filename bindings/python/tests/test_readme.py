"""The README's Python example runs as written."""

from __future__ import annotations

import re

from conftest import ROOT


def test_readme_python_example(capsys) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block is not None
    assert len(block.group(1).strip().splitlines()) == 5
    namespace: dict = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "Project(code='S22026'" in out and "88,33 %" in out
    assert "CR04" in out
    cr04 = namespace["people"].indicators().get("CR04")
    assert (cr04["women"], cr04["men"]) == (3, 3)


def test_readme_table_example(capsys) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "common_indicators" in b]
    assert len(blocks) == 1
    namespace: dict = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    ind = namespace["ind"]
    assert ind.grand_total["total"] == 100_000
    assert str(ind.get("EECO02")["total"]) in out
