#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings (uniffi library mode, with the same uniffi
# as the FFI crate) into target/bindings/ from the build that ships: the `mobile`
# profile of hanke-ffi (scripts/build-native.sh), whose static library keeps the
# interface metadata (the stripped shared library does not). The Kotlin artifact
# (scripts/kotlin-package.sh) packages the shared library of that same build, and
# the Swift package's sources are copied from it, so neither can be stale.
# As a check, the bindings are generated from the debug build too and must be the
# same: the library the Rust tests exercise has the interface that ships.
# Generated code is never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-native.sh >/dev/null
cargo build -q -p hanke-ffi -p uniffi-bindgen
rm -rf target/bindings target/bindings-debug
for lang in kotlin swift; do
    cargo run -q -p uniffi-bindgen -- generate --library target/mobile/libhanke_ffi.a \
        --language "$lang" --out-dir "target/bindings/$lang" --no-format
    cargo run -q -p uniffi-bindgen -- generate --library target/debug/libhanke_ffi.so \
        --language "$lang" --out-dir "target/bindings-debug/$lang" --no-format
done
if ! diff -r target/bindings target/bindings-debug >/dev/null; then
    echo "error: the bindings of the mobile build and of the debug build differ" >&2
    diff -r target/bindings target/bindings-debug | head -20 >&2
    exit 1
fi
rm -rf target/bindings-debug

# The Swift package's generated sources (see bindings/swift/Package.swift).
mkdir -p bindings/swift/Sources/Hanke bindings/swift/Sources/HankeFFI
cp target/bindings/swift/Hanke.swift bindings/swift/Sources/Hanke/Hanke.swift
cp target/bindings/swift/HankeFFI.h bindings/swift/Sources/HankeFFI/HankeFFI.h
cp target/bindings/swift/HankeFFI.modulemap bindings/swift/Sources/HankeFFI/module.modulemap
