"""The notebook of examples/notebooks runs headlessly, every cell without error."""

from __future__ import annotations

import os

import nbformat
from nbclient import NotebookClient

from conftest import ROOT


def test_the_notebook_runs() -> None:
    path = ROOT / "examples" / "notebooks" / "hanke_tour.ipynb"
    nb = nbformat.read(path, as_version=4)
    # The kernel's own inline backend renders the chart as a PNG output.
    os.environ.pop("MPLBACKEND", None)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("ESR report" in h for h in html)
    assert any("image/png" in o.get("data", {}) for o in outputs)
