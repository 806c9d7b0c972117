#!/usr/bin/env bash
# Builds the native library of the Kotlin and Swift bindings (hanke-ffi) with the
# size-tuned `mobile` profile, for the host or for a named target triple, and
# prints where the libraries are.
#
#   scripts/build-native.sh                         # the host (what the JVM tests load)
#   scripts/build-native.sh aarch64-linux-android   # needs the Android NDK (see ADR 0021)
#   scripts/build-native.sh aarch64-apple-ios       # needs macOS and Xcode (see ADR 0021)
#
# A target other than the host needs its Rust standard library
# (`rustup target add <triple>`) and, for Android and iOS, the platform's linker:
# this script does not install them. It fails with the compiler's message if
# they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-}"
if [[ -n "$target" ]]; then
    cargo build -p hanke-ffi --profile mobile --target "$target"
    dir="target/$target/mobile"
else
    cargo build -p hanke-ffi --profile mobile
    dir="target/mobile"
fi
for f in "$dir"/libhanke_ffi.so "$dir"/libhanke_ffi.dylib "$dir"/libhanke_ffi.a; do
    if [[ -f "$f" ]]; then
        echo "$f $(wc -c <"$f") bytes"
    fi
done
