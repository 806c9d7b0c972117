#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md from a fresh clone: the criterion benches
# (indicators and validation, files, identifiers, SFC tables), then the Python comparison
# on a release build of the extension (built into .venv by python-env.sh).
# About 25 minutes on a 2-core machine; run it on an otherwise idle machine.
# ROWS sets the comparison's size (default 10 000 000).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p hanke-benches --bench indicators
cargo bench -p hanke-benches --bench files
cargo bench -p hanke-benches --bench identifiers
cargo bench -p hanke-benches --bench sfc
./scripts/python-env.sh --release
.venv/bin/python benches/compare.py --rows 1000000 --repeat 5
.venv/bin/python benches/compare.py --rows "${ROWS:-10000000}" --repeat 3
.venv/bin/python benches/frames.py --rows 1000000 --repeat 30
# The tests expect the debug build back.
echo "(run ./scripts/python-env.sh to rebuild the debug extension for the tests)"
