"""The EU common indicators over a partitioned participant data set with Dask.

hanke's indicator results are mergeable aggregates: computing each part and
merging the parts gives exactly the result over the whole (associative and
commutative; ``crates/hanke/tests/indicators.rs`` proves it). So an existing
distributed engine can do the splitting — here ``dask.distributed`` on a local
cluster of worker *processes*. Each task reads one Parquet partition with
pyarrow and hands it to ``hanke.common_indicators`` through the Arrow PyCapsule
interface (no copy); the partial results travel back pickled (their JSON form,
``Indicators.to_json``) and Dask's tree reduction merges them with
``Indicators.merge``. No rule lives here: every count is the core's.

Run (from the repository root, after ``./scripts/python-env.sh``)::

    .venv/bin/python examples/distributed_indicators.py --rows 1000000 --partitions 8

It writes the synthetic data set (``hanke.testing.synthetic_participants``, fixed seed)
as Parquet partitions into a temporary folder (or ``--data DIR``), computes the
indicators on the cluster, computes them again in this one process over the
whole data set, and fails unless the two are identical.
``bindings/python/tests/test_distributed.py`` runs it small.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
import tempfile
import time

import dask.bag as db
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from dask.distributed import Client, LocalCluster

import hanke


def write_partitions(directory: pathlib.Path, rows: int, partitions: int) -> list[pathlib.Path]:
    """Writes ``rows`` synthetic participants as ``partitions`` Parquet files of
    near-equal size (the layout an export job or a data lake would leave)."""
    table = pa.table(hanke.testing.synthetic_participants(rows))
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(partitions):
        start, stop = rows * i // partitions, rows * (i + 1) // partitions
        path = directory / f"part-{i:05}.parquet"
        pq.write_table(table.slice(start, stop - start), path)
        paths.append(path)
    return paths


def indicators_of_partition(path: str, cut_off: dt.date | None) -> hanke.Indicators:
    """One task on a worker: a partition's indicators (a mergeable part)."""
    return hanke.common_indicators(pq.read_table(path), cut_off=cut_off)


def merge(a: hanke.Indicators, b: hanke.Indicators) -> hanke.Indicators:
    """Dask's binary combine; ``IndicatorError`` if the parts were computed
    with different catalogues, rules or cut-offs."""
    return a.merge(b)


def on_cluster(client: Client, paths: list[pathlib.Path], cut_off: dt.date | None) -> hanke.Indicators:
    """The indicators of every partition, merged by Dask's tree reduction."""
    bag = db.from_sequence([str(p) for p in paths], npartitions=len(paths))
    parts = bag.map(indicators_of_partition, cut_off=cut_off)
    result: hanke.Indicators = parts.fold(merge).compute()
    return result


def in_one_process(directory: pathlib.Path, cut_off: dt.date | None) -> hanke.Indicators:
    """The same data set read whole, computed in this process."""
    return hanke.common_indicators(ds.dataset(directory, format="parquet").to_table(), cut_off=cut_off)


def run(
    directory: pathlib.Path,
    rows: int,
    partitions: int,
    workers: int = 2,
    cut_off: dt.date | None = None,
) -> tuple[hanke.Indicators, hanke.Indicators, dict[str, float]]:
    """Writes the data set, computes it on a local cluster and in one process;
    returns (distributed, single-process, timings in seconds)."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    paths = write_partitions(directory, rows, partitions)
    timings["write"] = time.perf_counter() - t
    # Worker processes (not threads), so the parts really cross a process
    # boundary; one thread each, as the kernel uses one core per call.
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        t = time.perf_counter()
        distributed = on_cluster(client, paths, cut_off)
        timings["cluster"] = time.perf_counter() - t
    t = time.perf_counter()
    single = in_one_process(directory, cut_off)
    timings["single"] = time.perf_counter() - t
    return distributed, single, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cut-off", type=dt.date.fromisoformat, default=dt.date(2025, 12, 31))
    parser.add_argument("--data", type=pathlib.Path, help="folder for the Parquet partitions")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        directory = args.data or pathlib.Path(tmp) / "participants"
        distributed, single, timings = run(
            directory, args.rows, args.partitions, args.workers, args.cut_off
        )
    print(
        f"{args.rows} participants in {args.partitions} Parquet partitions, "
        f"{args.workers} worker processes, cut-off {args.cut_off}"
    )
    print(
        f"write {timings['write']:.2f} s · cluster {timings['cluster']:.2f} s "
        f"(includes scheduling and Parquet reads) · one process {timings['single']:.2f} s"
    )
    table = distributed.to_pandas()[["code", "women", "men", "non_binary", "total"]]
    counts = ["women", "men", "non_binary", "total"]
    print(table.astype({c: "Int64" for c in counts}).to_string(index=False))
    if distributed != single:
        print("MISMATCH: the merged parts differ from the single-process result", file=sys.stderr)
        return 1
    print("identical to the single-process result")
    return 0


if __name__ == "__main__":
    sys.exit(main())
