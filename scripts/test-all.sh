#!/usr/bin/env bash
# Every test of hanke: formatting, lints, and the Rust test suites (unit, integration,
# doc tests, the shared vectors in tests/vectors, the example's own tests).
# The Python and Kotlin suites join this script when their bindings land; until then
# there is nothing of theirs to run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo test"
cargo test --workspace
