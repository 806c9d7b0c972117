#!/usr/bin/env bash
# Builds the FFI library and generates the Kotlin and Swift bindings from it (library
# mode, with the same uniffi as the FFI crate) into target/bindings/. Generated code is
# never committed: stale bindings are the usual cause of checksum failures.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p hanke-ffi -p uniffi-bindgen
rm -rf target/bindings
for lang in kotlin swift; do
    cargo run -q -p uniffi-bindgen -- generate --library target/debug/libhanke_ffi.so \
        --language "$lang" --out-dir "target/bindings/$lang" --no-format
done

# The Swift package's generated sources (see bindings/swift/Package.swift).
mkdir -p bindings/swift/Sources/Hanke bindings/swift/Sources/HankeFFI
cp target/bindings/swift/Hanke.swift bindings/swift/Sources/Hanke/Hanke.swift
cp target/bindings/swift/HankeFFI.h bindings/swift/Sources/HankeFFI/HankeFFI.h
cp target/bindings/swift/HankeFFI.modulemap bindings/swift/Sources/HankeFFI/module.modulemap
