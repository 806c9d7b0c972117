"""Helpers for tests, examples and benchmarks — kept out of hanke's top level.

- :func:`synthetic_participants`: participant records of nobody (temporary
  identity codes 900–999), as an Arrow table, for trying hanke at scale;
- :func:`time_common_indicators`: the Rust kernel's own time for the common
  indicators of a table (what ``benches/compare.py`` compares against);
- :func:`build_profile`: whether the native module was built for release;
- :func:`reads_categoricals_by_code`: whether a polars frame's categoricals
  are read by their codes (fast) or through polars' own export.

>>> from hanke.testing import build_profile
>>> build_profile() in ("debug", "release")
True
"""

from __future__ import annotations

from hanke._native import (
    build_profile,
    reads_categoricals_by_code,
    synthetic_participants,
    time_common_indicators,
)

__all__ = ["build_profile", "reads_categoricals_by_code", "synthetic_participants", "time_common_indicators"]
