// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
]
let nioLocks: Target.Dependency = .product(name: "NIOConcurrencyHelpers", package: "swift-nio")

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
        // Test-only: a consumer test imports swift-http-types beside PactConsumer and names both unqualified.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        // Layers, bottom up: HTTPSyntax → PactModel → PactMatching → HTTPServerCore/PactMockServer → PactConsumer.
        // HTTP text rules (tokens, percent-decoding) shared by the generic server, the pact model and the outbound
        // client, which must not depend on each other; no dependencies, package-internal API.
        .target(name: "HTTPSyntax"),
        .target(name: "PactModel", dependencies: ["HTTPSyntax"]),
        .target(name: "PactMatching", dependencies: ["PactModel"]),
        .target(name: "HTTPServerCore", dependencies: ["HTTPSyntax"] + nio),
        .target(name: "PactMockServer", dependencies: ["PactModel", "PactMatching", "HTTPServerCore", nioLocks]),
        // `pactkit mock`: loading, --watch, admin API, request log, output; on PactMockServer's engine.
        .target(
            name: "PactStandaloneMock",
            dependencies: ["PactModel", "PactMatching", "PactMockServer", "HTTPServerCore", nioLocks]
        ),
        .target(name: "PactConsumer", dependencies: ["PactModel", "PactMatching", "PactMockServer"]),
        // Every outgoing HTTP call (verifier, pact downloads, broker) goes through this one AsyncHTTPClient wrapper.
        .target(
            name: "OutboundHTTP",
            dependencies: [
                "HTTPSyntax",
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/PactKitCLI"
        ),
        // The HTTP servers' connection options for the command-line tools that start one.
        .target(
            name: "ServerCLIOptions",
            dependencies: ["HTTPServerCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The codes service: a real provider for PactKit's own contracts.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CodesService", dependencies: [
            "HTTPServerCore", "CSQLite", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "CodesClient"),
        .executableTarget(
            name: "codes-service",
            dependencies: [
                "CodesService", "HTTPServerCore", "ServerCLIOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CodesServiceCLI"
        ),
        .executableTarget(
            name: "pactkit-bench",
            dependencies: [
                "PactModel", "PactMatching", "PactMockServer", "HTTPServerCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/PactBench"
        ),
        // What several test targets share: HTTP clients (URLSession requests, raw sockets) and the package root.
        .target(name: "TestSupport", dependencies: ["PactModel"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPSyntaxTests", dependencies: ["HTTPSyntax"]),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactMatchingTests", dependencies: ["PactModel", "PactMatching"]),
        .testTarget(name: "HTTPServerCoreTests", dependencies: ["HTTPServerCore", "TestSupport"]),
        .testTarget(name: "OutboundHTTPTests", dependencies: ["OutboundHTTP", "HTTPServerCore", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio),
        .testTarget(
            name: "PactMockServerTests", dependencies: ["PactMockServer", "PactModel", "PactMatching", "TestSupport"]
        ),
        .testTarget(
            name: "PactStandaloneMockTests",
            dependencies: ["PactStandaloneMock", "PactMockServer", "PactModel", "PactMatching", "HTTPServerCore"]
        ),
        .testTarget(
            name: "PactConsumerTests",
            dependencies: [
                "PactConsumer", "PactModel", "PactMatching", "PactMockServer", "TestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "CodesServiceTests", dependencies: [
            "CodesService", "HTTPServerCore", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .testTarget(
            name: "PactVerifierTests",
            dependencies: ["PactVerifier", "PactBroker", "PactModel", "PactMatching", "HTTPServerCore", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio
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
        // docs/messages.md's example: a consumer handling an event and the provider producing it.
        .testTarget(name: "MessageExampleTests", dependencies: ["PactConsumer", "PactVerifier", "PactModel"]),
        // Verifies every pact in pacts/ against the codes service, in process.
        .testTarget(
            name: "CodesVerificationTests",
            dependencies: ["CodesService", "PactVerifier", "PactModel", "HTTPServerCore"]
        ),
        // Every ```swift block of README.md, docs/ and the doc comments in Sources has a compiled twin in a test
        // target; every relative link of the docs resolves.
        .testTarget(name: "DocSnippetTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
