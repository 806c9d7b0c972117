"""Every example in the docstrings runs and shows what it says."""

from __future__ import annotations

import datetime
import doctest
import inspect

import pytest

import hanke
import hanke.exceptions
import hanke.testing
import hanke.types


def _items() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [
        ("hanke", hanke),
        ("hanke.exceptions", hanke.exceptions),
        ("hanke.testing", hanke.testing),
        ("hanke.types", hanke.types),
    ]
    for module in (hanke.exceptions, hanke.testing):
        for attr in module.__all__:
            member = getattr(module, attr)
            if ">>>" in (getattr(member, "__doc__", None) or ""):
                out.append((f"{module.__name__}.{attr}", member))
    for name in hanke.__all__:
        if name.startswith("__"):
            continue
        item = getattr(hanke, name)
        out.append((name, item))
        if inspect.isclass(item):
            for attr, member in vars(item).items():
                if getattr(member, "__doc__", None) and ">>>" in (member.__doc__ or ""):
                    out.append((f"{name}.{attr}", member))
    return out


@pytest.mark.parametrize("name,item", _items(), ids=lambda x: x if isinstance(x, str) else "")
def test_docstring_examples(name: str, item: object) -> None:
    globs = {n: getattr(hanke, n) for n in hanke.__all__}
    globs.update({n: getattr(hanke.exceptions, n) for n in hanke.exceptions.__all__})
    globs.update({"hanke": hanke, "datetime": datetime})
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(item, name, globs=globs):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, name
