"""The same participants from a pyarrow table and from a polars frame,
counted by ``hanke.common_indicators`` in alternating calls — the ratio of the
two paths on a noisy machine (BENCHMARKS.md, issue 29).

    python benches/frames.py --rows 1000000 --repeat 30
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    frames = {"pyarrow": pa.table(data), "polars": pl.DataFrame(data)}
    times: dict[str, list[float]] = {name: [] for name in frames}
    for _ in range(args.repeat):
        for name, frame in frames.items():
            start = time.perf_counter()
            hanke.common_indicators(frame, cut_off=cut_off)
            times[name].append(time.perf_counter() - start)
    quantiles = {name: sorted(t) for name, t in times.items()}
    for name, t in quantiles.items():
        print(f"{name:8s} best {t[0] * 1e3:8.2f} ms  p25 {t[len(t) // 4] * 1e3:8.2f}  median {t[len(t) // 2] * 1e3:8.2f}")
    a, b = quantiles["pyarrow"], quantiles["polars"]
    print(
        f"polars / pyarrow: best {b[0] / a[0]:.2f}x, p25 {b[len(b) // 4] / a[len(a) // 4]:.2f}x, "
        f"median {b[len(b) // 2] / a[len(a) // 2]:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
