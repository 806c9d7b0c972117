"""The Dask example (examples/distributed_indicators.py): partial results
computed in worker processes and merged equal the single-process result, and
a partial result survives pickling exactly."""

from __future__ import annotations

import datetime as dt
import importlib.util
import pathlib
import pickle

import pytest

import hanke

EXAMPLE = pathlib.Path(__file__).parents[3] / "examples" / "distributed_indicators.py"


def load_example():
    spec = importlib.util.spec_from_file_location("distributed_indicators", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_partitions_merge_to_the_single_process_result(tmp_path: pathlib.Path) -> None:
    example = load_example()
    cut_off = dt.date(2024, 6, 30)
    rows = 6_000
    distributed, single, _ = example.run(tmp_path / "data", rows, partitions=5, workers=2, cut_off=cut_off)
    assert distributed == single
    # …and both equal the computation straight on the generated table.
    direct = hanke.common_indicators(hanke.testing.synthetic_participants(rows), cut_off=cut_off)
    assert distributed == direct
    assert distributed.grand_total["total"] + distributed.not_yet_entered == rows
    assert distributed.get("EECO01")["total"] > 0
    assert len(list(tmp_path.joinpath("data").glob("*.parquet"))) == 5


def test_example_command_line_reports_identical(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example()
    assert example.main(["--rows", "2000", "--partitions", "3", "--data", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert "identical to the single-process result" in out
    assert "EECR06" in out


def test_partial_results_pickle_exactly_and_refuse_foreign_json() -> None:
    ind = hanke.common_indicators(hanke.testing.synthetic_participants(3_000), cut_off=dt.date(2025, 12, 31))
    back = pickle.loads(pickle.dumps(ind))
    assert back == ind
    assert back.get("EECR04") == ind.get("EECR04")
    assert back.merge(ind).grand_total["total"] == 2 * ind.grand_total["total"]
    # JSON that cannot be read is a JsonError (a ValueError) whichever reader
    # met it (issue 25), with the reader's own code.
    with pytest.raises(hanke.exceptions.JsonError) as e:
        hanke.Indicators.from_json(ind.to_json().replace("EECR04", "EECR99"))
    assert e.value.code == "indicator.json"
    assert "EECR99" in str(e.value)
    # A part with another cut-off does not merge.
    other = hanke.common_indicators(hanke.testing.synthetic_participants(10), cut_off=dt.date(2024, 1, 1))
    with pytest.raises(hanke.exceptions.IndicatorError):
        ind.merge(other)
