"""The same participants from a pyarrow table, from a polars frame and from
a polars frame as ``read_csv`` gives it (many chunks, one category list
filled row by row), counted by ``hanke.common_indicators`` in alternating
calls — the ratios of the paths on a noisy machine (BENCHMARKS.md, issue 29).
The three are first checked to count the same.

    python benches/frames.py --rows 1000000 --repeat 30
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time

import polars as pl
import pyarrow as pa

import hanke


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args(argv)
    if hanke.testing.build_profile() != "release":
        print("hanke is a debug build: ./scripts/python-env.sh --release", file=sys.stderr)
        return 2
    cut_off = dt.date(2025, 12, 31)
    data = hanke.testing.synthetic_participants(args.rows)
    frames = {"pyarrow": pa.table(data), "polars": pl.DataFrame(data), "read_csv": from_csv(pl.DataFrame(data))}
    print(f"read_csv frame: {max(frames['read_csv'].n_chunks('all'))} chunks a column")
    counted = {name: hanke.common_indicators(f, cut_off=cut_off).table().to_pylist() for name, f in frames.items()}
    if any(c != counted["pyarrow"] for c in counted.values()):
        print("MISMATCH: the frames count differently", file=sys.stderr)
        return 1
    times: dict[str, list[float]] = {name: [] for name in frames}
    for _ in range(args.repeat):
        for name, frame in frames.items():
            start = time.perf_counter()
            hanke.common_indicators(frame, cut_off=cut_off)
            times[name].append(time.perf_counter() - start)
    quantiles = {name: sorted(t) for name, t in times.items()}
    for name, t in quantiles.items():
        print(f"{name:8s} best {t[0] * 1e3:8.2f} ms  p25 {t[len(t) // 4] * 1e3:8.2f}  median {t[len(t) // 2] * 1e3:8.2f}")
    a = quantiles["pyarrow"]
    for name in ("polars", "read_csv"):
        b = quantiles[name]
        print(
            f"{name} / pyarrow: best {b[0] / a[0]:.2f}x, p25 {b[len(b) // 4] / a[len(a) // 4]:.2f}x, "
            f"median {b[len(b) // 2] / a[len(a) // 2]:.2f}x"
        )
    return 0


def from_csv(df: pl.DataFrame) -> pl.DataFrame:
    """The frame written as CSV and read back as a user reads a file: its
    categoricals on one category list (filled row by row), dates, booleans
    and the education level typed — in chunks, as ``read_csv`` makes them."""
    categoricals = [c for c, t in df.schema.items() if isinstance(t, pl.Categorical)]
    buf = io.BytesIO()
    df.with_columns(pl.col(categoricals).cast(pl.String)).write_csv(buf)
    buf.seek(0)
    shared = pl.Categories.random()
    types = {c: pl.Categorical(shared) for c in categoricals}
    types |= {c: t for c, t in df.schema.items() if c not in types}
    return pl.read_csv(buf, schema_overrides=types)


if __name__ == "__main__":
    sys.exit(main())
