// swift-tools-version:5.9
// The Swift package of hanke. Sources/Hanke and Sources/HankeFFI are generated from
// the built library by scripts/uniffi-gen.sh (never committed). To test on a machine
// with Swift: from the repository root, `./scripts/uniffi-gen.sh`, then
// `cd bindings/swift && swift test -Xlinker -L../../target/debug`
// (with LD_LIBRARY_PATH/DYLD_LIBRARY_PATH pointing at target/debug).
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
