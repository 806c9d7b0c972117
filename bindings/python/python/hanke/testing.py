"""Helpers for tests, examples and benchmarks — kept out of hanke's top level.

- :func:`synthetic_participants`: participant records of nobody (temporary
  identity codes 900–999), as an Arrow table, for trying hanke at scale;
- :func:`time_common_indicators`: the Rust kernel's own time for the common
  indicators of a table (what ``benches/compare.py`` compares against);
- :func:`build_profile`: whether the native module was built for release;
- :func:`reads_categoricals_by_code`: whether a polars frame's categoricals
  are read by their codes (fast) or through polars' own export;
- :func:`batch_rows`: the rows of each batch a table is read as (a polars
  frame of several chunks: its chunks, not copied into one).

>>> from hanke.testing import build_profile
>>> build_profile() in ("debug", "release")
True
"""

from __future__ import annotations

from hanke._native import (
    batch_rows,
    build_profile,
    reads_categoricals_by_code,
    synthetic_participants,
    time_common_indicators,
)

__all__ = [
    "batch_rows",
    "build_profile",
    "reads_categoricals_by_code",
    "synthetic_participants",
    "time_common_indicators",
]
