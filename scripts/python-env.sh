#!/usr/bin/env bash
# Creates (or reuses) the virtual environment .venv with what the Python tests and
# the notebook need, and builds the hanke package into it with maturin. Prints
# nothing but errors when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"
# Pinned to versions that work together (docs: ../shared/ENGINEERING.md).
"$PY" -m pip install --quiet --disable-pip-version-check \
    -r bindings/python/requirements-dev.txt
# Build the extension into the environment: debug profile (the same target/ as
# cargo) for the tests; `--release` for measurements (benches/compare.py refuses
# to time a debug build).
PROFILE=()
if [ "${1:-}" = "--release" ]; then
    PROFILE=(--release)
fi
VIRTUAL_ENV="$PWD/$VENV" PATH="$PWD/$VENV/bin:$PATH" \
    "$VENV/bin/maturin" develop --quiet "${PROFILE[@]}" --manifest-path bindings/python/Cargo.toml
