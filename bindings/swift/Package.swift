// swift-tools-version:5.9
// The Swift package of hanke. Sources/Hanke and Sources/HankeFFI are generated from
// the `mobile` build of hanke-ffi by scripts/uniffi-gen.sh (never committed). To test
// on a machine with Swift (not this one; ADR 0021): from the repository root,
// `./scripts/uniffi-gen.sh`, then `cd bindings/swift && swift test -Xlinker -L../../target/mobile`
// (with LD_LIBRARY_PATH/DYLD_LIBRARY_PATH pointing at target/mobile). Devices: the
// xcframework and binary target of ADR 0021.
import PackageDescription

let package = Package(
    name: "Hanke",
    products: [
        .library(name: "Hanke", targets: ["Hanke"]),
    ],
    targets: [
        .systemLibrary(name: "HankeFFI", path: "Sources/HankeFFI"),
        .target(
            name: "Hanke",
            dependencies: ["HankeFFI"],
            path: "Sources/Hanke",
            linkerSettings: [.linkedLibrary("hanke_ffi")]
        ),
        .testTarget(name: "HankeTests", dependencies: ["Hanke"], path: "Tests/HankeTests"),
    ]
)
