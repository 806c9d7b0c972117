#!/usr/bin/env bash
# Every test of hanke: formatting, lints, the API docs (no broken link), the Rust test suites (unit, integration,
# doc tests, the shared vectors in tests/vectors, the examples' own tests), then the
# Python package built into .venv and its pytest suite (the shared vectors again, the
# type-stub check, every docstring example, and the notebook run headlessly).
# Then the uniffi bindings: Kotlin and Swift generated from the mobile build
# (generator errors fail the run), the Kotlin library packaged with the
# size-tuned native library and installed into the local Maven repository, and
# the Kotlin tests run by a consumer project that depends on it by coordinates.
set -euo pipefail
cd "$(dirname "$0")/.."

# On CI every build is from scratch: incremental caches only cost disk
# (2.2 GB of target/ before this), so they are off there.
if [ "${CI:-}" = "true" ]; then
    export CARGO_INCREMENTAL=0
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo doc --no-deps, warnings as errors (broken intra-doc links, stray HTML)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps -q

echo "== cargo test"
cargo test --workspace

echo "== benchmarks, smoke mode (each runs once on 1 000 rows; figures: BENCHMARKS.md)"
cargo test -p hanke-benches --benches

echo "== Python: build the package into .venv (scripts/python-env.sh)"
./scripts/python-env.sh

echo "== pytest bindings/python/tests"
.venv/bin/python -m pytest bindings/python/tests -q

echo "== uniffi: generate Kotlin and Swift (scripts/uniffi-gen.sh)"
./scripts/uniffi-gen.sh

echo "== Kotlin library: mobile-profile native library, fi.hanke:hanke-kotlin installed locally (scripts/kotlin-package.sh)"
./scripts/kotlin-package.sh

echo "== Kotlin tests on the JVM: the consumer project, by coordinates only (bindings/kotlin, Maven)"
(cd bindings/kotlin && mvn -B -q test)
# One count per suite file, summed (joining the digits printed 3, 11 and 1 as 3111).
echo "Kotlin: $(grep -ho 'tests="[0-9]*"' bindings/kotlin/target/surefire-reports/TEST-*.xml | tr -dc '0-9\n' | awk '{ n += $1 } END { print n + 0 }') tests passed"
