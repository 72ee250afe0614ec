// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PactKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PactModel", targets: ["PactModel"]),
        .library(name: "PactMatching", targets: ["PactMatching"]),
    ],
    targets: [
        .target(name: "PactModel"),
        .target(name: "PactMatching", dependencies: ["PactModel"]),
        .executableTarget(name: "pactkit-bench", dependencies: ["PactModel", "PactMatching"], path: "Sources/PactBench"),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactMatchingTests", dependencies: ["PactModel", "PactMatching"]),
    ],
    swiftLanguageModes: [.v6]
)
