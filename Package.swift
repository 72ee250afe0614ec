// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
]
let nioLocks: Target.Dependency = .product(name: "NIOConcurrencyHelpers", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: [Target.Dependency] = [
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "UnixSignals", package: "swift-service-lifecycle"),
]

let package = Package(
    name: "PactKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PactModel", targets: ["PactModel"]),
        .library(name: "PactMatching", targets: ["PactMatching"]),
        .library(name: "HTTPServerCore", targets: ["HTTPServerCore"]),
        .library(name: "PactMockServer", targets: ["PactMockServer"]),
        .library(name: "PactStandaloneMock", targets: ["PactStandaloneMock"]),
        .library(name: "PactConsumer", targets: ["PactConsumer"]),
        .library(name: "PactVerifier", targets: ["PactVerifier"]),
        .library(name: "OutboundHTTP", targets: ["OutboundHTTP"]),
        .library(name: "PactBroker", targets: ["PactBroker"]),
        .library(name: "CodesService", targets: ["CodesService"]),
        .library(name: "CodesClient", targets: ["CodesClient"]),
        .executable(name: "pactkit", targets: ["pactkit"]),
        .executable(name: "codes-service", targets: ["codes-service"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // Layers, bottom up: PactModel → PactMatching → HTTPServerCore/PactMockServer → PactConsumer.
        .target(name: "PactModel"),
        .target(name: "PactMatching", dependencies: ["PactModel"]),
        .target(name: "HTTPServerCore", dependencies: nio + lifecycle + [logging]),
        .target(name: "PactMockServer", dependencies: ["PactModel", "PactMatching", "HTTPServerCore", nioLocks]),
        // `pactkit mock`: loading, --watch, admin API, request log, output; on PactMockServer's engine.
        .target(
            name: "PactStandaloneMock",
            dependencies: ["PactModel", "PactMatching", "PactMockServer", "HTTPServerCore", nioLocks, logging] + lifecycle
        ),
        .target(name: "PactConsumer", dependencies: ["PactModel", "PactMatching", "PactMockServer"]),
        // Every outgoing HTTP call (verifier, pact downloads, broker) goes through this one AsyncHTTPClient wrapper.
        .target(
            name: "OutboundHTTP",
            dependencies: [
                "PactModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Pact Broker client: HAL navigation, publishing, pacts for verification, results, can-i-deploy, deployments.
        .target(name: "PactBroker", dependencies: ["PactModel", "OutboundHTTP"]),
        // The verifier takes its pacts from files, URLs or a Pact Broker (as pact-reference's pact_verifier does), so it
        // sits on the broker client: verifying from a broker, publishing results included, is one library call.
        .target(name: "PactVerifier", dependencies: ["PactModel", "PactMatching", "OutboundHTTP", "PactBroker"]),
        .executableTarget(
            name: "pactkit",
            dependencies: [
                "PactMockServer", "PactStandaloneMock", "PactVerifier", "PactBroker", "OutboundHTTP", "PactModel", "ServerCLIOptions",
                "CommandLineLogging", logging, .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/PactKitCLI"
        ),
        // The HTTP servers' connection options for the command-line tools that start one.
        .target(
            name: "ServerCLIOptions",
            dependencies: ["HTTPServerCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // --log-level and --log-format for the command-line tools, and the log handlers they bootstrap.
        .target(
            name: "CommandLineLogging",
            dependencies: ["PactModel", logging, .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The codes service: a real provider for PactKit's own contracts.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CodesService", dependencies: [
            "HTTPServerCore", "CSQLite", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), logging,
        ] + lifecycle),
        .target(name: "CodesClient"),
        .executableTarget(
            name: "codes-service",
            dependencies: [
                "CodesService", "HTTPServerCore", "ServerCLIOptions", "CommandLineLogging", logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + lifecycle,
            path: "Sources/CodesServiceCLI"
        ),
        .executableTarget(
            name: "pactkit-bench",
            dependencies: [
                "PactModel", "PactMatching", "PactMockServer", "HTTPServerCore", logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/PactBench"
        ),
        // What several test targets share: HTTP clients (URLSession requests, raw sockets) and the package root.
        .target(name: "TestSupport", dependencies: ["PactModel"], path: "Tests/TestSupport"),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactMatchingTests", dependencies: ["PactModel", "PactMatching"]),
        .testTarget(name: "HTTPServerCoreTests", dependencies: ["HTTPServerCore", "TestSupport", logging] + lifecycle),
        .testTarget(name: "OutboundHTTPTests", dependencies: ["OutboundHTTP", "HTTPServerCore", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio),
        .testTarget(
            name: "PactMockServerTests", dependencies: ["PactMockServer", "PactModel", "PactMatching", "TestSupport"]
        ),
        .testTarget(
            name: "PactStandaloneMockTests",
            dependencies: ["PactStandaloneMock", "PactMockServer", "PactModel", "PactMatching", "HTTPServerCore", logging]
        ),
        .testTarget(name: "PactConsumerTests", dependencies: ["PactConsumer", "PactModel", "PactMockServer", "TestSupport"]),
        .testTarget(name: "CodesServiceTests", dependencies: [
            "CodesService", "HTTPServerCore", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio"), logging,
        ] + lifecycle),
        .testTarget(
            name: "PactVerifierTests",
            dependencies: ["PactVerifier", "PactBroker", "PactModel", "HTTPServerCore", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio
        ),
        .testTarget(
            name: "PactKitCLITests",
            dependencies: ["PactModel", "HTTPServerCore", "PactVerifier", "TestSupport", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio
        ),
        // The broker client's own contract (writes pacts/pactkit-pact-broker.json), its bad-input tests, and the
        // whole broker pipeline run with the pactkit binary against `pactkit mock` serving that contract.
        .testTarget(
            name: "PactBrokerTests",
            dependencies: ["PactBroker", "PactConsumer", "PactModel", "HTTPServerCore", "OutboundHTTP", "CodesService", "TestSupport"]
        ),
        // The consumer contract suites of use-an-lpa and sirius: they write pacts/*.json.
        .testTarget(name: "CodesContractTests", dependencies: ["CodesClient", "PactConsumer", "PactModel", "TestSupport"]),
        // The README's message pact example: a consumer handling an event and the provider producing it.
        .testTarget(name: "MessageExampleTests", dependencies: ["PactConsumer", "PactVerifier", "PactModel"]),
        // Verifies every pact in pacts/ against the codes service, in process.
        .testTarget(
            name: "CodesVerificationTests",
            dependencies: ["CodesService", "PactVerifier", "PactModel", "HTTPServerCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
