// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
    name: "PactKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PactModel", targets: ["PactModel"]),
        .library(name: "PactMatching", targets: ["PactMatching"]),
        .library(name: "HTTPServerCore", targets: ["HTTPServerCore"]),
        .library(name: "PactMockServer", targets: ["PactMockServer"]),
        .library(name: "PactConsumer", targets: ["PactConsumer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    ],
    targets: [
        // Layers, bottom up: PactModel → PactMatching → HTTPServerCore/PactMockServer → PactConsumer.
        .target(name: "PactModel"),
        .target(name: "PactMatching", dependencies: ["PactModel"]),
        .target(name: "HTTPServerCore", dependencies: nio),
        .target(name: "PactMockServer", dependencies: ["PactModel", "PactMatching", "HTTPServerCore"]),
        .target(name: "PactConsumer", dependencies: ["PactModel", "PactMatching", "PactMockServer"]),
        .executableTarget(name: "pactkit-bench", dependencies: ["PactModel", "PactMatching"], path: "Sources/PactBench"),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactMatchingTests", dependencies: ["PactModel", "PactMatching"]),
        .testTarget(name: "HTTPServerCoreTests", dependencies: ["HTTPServerCore"]),
        .testTarget(name: "PactMockServerTests", dependencies: ["PactMockServer", "PactModel", "PactMatching"]),
        .testTarget(name: "PactConsumerTests", dependencies: ["PactConsumer", "PactModel", "PactMockServer"]),
    ],
    swiftLanguageModes: [.v6]
)
