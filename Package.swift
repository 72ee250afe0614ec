// swift-tools-version:6.1
import PackageDescription

// What a consumer pays: a package whose tests depend on `PactConsumer` needs SwiftNIO and nothing else. The other
// dependencies belong to the provider side, the command-line tools and the codes service, each behind a trait. All
// traits are on by default, so `swift test` and the scripts at this root build everything; a consumer-only package
// declares `.package(path: "../PactKit", traits: [])` and SwiftPM then neither fetches nor builds those packages.
// (Without traits, SwiftPM 6.3 fetches all 25 packages even for a package that uses PactModel alone.) A target listed
// next to a trait below does not build without it ("no such module").
let verifier = "Verifier"          // AsyncHTTPClient, swift-nio-ssl: OutboundHTTP, PactBroker, PactVerifier, pactkit
let commandLine = "CommandLine"    // swift-argument-parser: pactkit, codes-service, pactkit-bench, ServerCLIOptions
let codesService = "CodesService"  // postgres-nio: the codes service's PostgreSQL store
let openAPI = "OpenAPI"            // OpenAPIKit, Yams: PactOpenAPI (pacts checked against a provider's OpenAPI document)
let mockTLS = "MockTLS"            // swift-nio-ssl, swift-certificates: https for the mock (PactBuilder's tls:, pactkit mock --tls-*)
let brokerServer = "BrokerServer"  // Hummingbird, swift-mustache, OutboundHTTP, postgres-nio: the Pact Broker server (`pactkit broker`)
// swift-log and swift-service-lifecycle serve the servers run as processes and the command lines (both traits).

func when(_ trait: String) -> TargetDependencyCondition? { .when(traits: [trait]) }
let argumentParser: Target.Dependency = .product(
    name: "ArgumentParser", package: "swift-argument-parser", condition: when(commandLine)
)
let nioSSL: Target.Dependency = .product(name: "NIOSSL", package: "swift-nio-ssl", condition: when(verifier))
let postgres: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio", condition: when(codesService))
// The broker server's PostgreSQL store (`pactkit broker --db postgres://…`) uses postgres-nio too.
let brokerPostgres: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio", condition: when(brokerServer))
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache", condition: when(brokerServer))
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird", condition: when(brokerServer))
let hummingbirdAuth: Target.Dependency = .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: when(brokerServer))
let openAPIKit: [Target.Dependency] = [
    .product(name: "OpenAPIKit", package: "OpenAPIKit", condition: when(openAPI)),
    .product(name: "OpenAPIKit30", package: "OpenAPIKit", condition: when(openAPI)),
]
let yams: Target.Dependency = .product(name: "Yams", package: "Yams", condition: when(openAPI))
let processes: TargetDependencyCondition? = .when(traits: [commandLine, codesService])
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log", condition: processes)
let lifecycle: [Target.Dependency] = [
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: processes),
    .product(name: "UnixSignals", package: "swift-service-lifecycle", condition: processes),
]

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
]
let nioLocks: Target.Dependency = .product(name: "NIOConcurrencyHelpers", package: "swift-nio")
// The mock's https: NIOSSL serves it, X509 (with Crypto's P-256 keys and SwiftASN1's IP address type) makes the
// self-signed certificate and checks that a given key belongs to its certificate.
let mockTLSDependencies: [Target.Dependency] = [
    .product(name: "NIOSSL", package: "swift-nio-ssl", condition: when(mockTLS)),
    .product(name: "X509", package: "swift-certificates", condition: when(mockTLS)),
    .product(name: "SwiftASN1", package: "swift-asn1", condition: when(mockTLS)),
    .product(name: "Crypto", package: "swift-crypto", condition: when(mockTLS)),
]

let package = Package(
    name: "PactKit",
    // macOS 14 and iOS 17: hummingbird-auth (the broker server's authentication) declares them; SwiftPM checks a
    // product's platforms against every target that may depend on it. On iOS only the consumer side is meant to run
    // (PactConsumer in an Xcode test target, see docs/consumer-dsl.md); tvOS and watchOS are not declared, as nothing
    // here was built for them.
    platforms: [.macOS(.v14), .iOS(.v17)],
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
        .library(name: "PactBrokerServer", targets: ["PactBrokerServer"]),
        .library(name: "PactOpenAPI", targets: ["PactOpenAPI"]),
        .executable(name: "pactkit", targets: ["pactkit"]),
        .executable(name: "codes-service", targets: ["codes-service"]),
    ],
    traits: [
        .trait(name: verifier, description: "Provider verification and the Pact Broker client (AsyncHTTPClient, swift-nio-ssl)."),
        .trait(
            name: mockTLS,
            description: "https for the mock provider: PactBuilder's tls: option and pactkit mock --tls-cert/--tls-key/--tls-self-signed (swift-nio-ssl, swift-certificates)."
        ),
        .trait(name: commandLine, description: "The pactkit, codes-service and pactkit-bench command lines (swift-argument-parser)."),
        .trait(name: codesService, description: "The codes service's PostgreSQL store (postgres-nio)."),
        .trait(
            name: brokerServer,
            description: "`pactkit broker`: the Pact Broker server (Hummingbird), its HTML pages (swift-mustache), webhooks (sent through OutboundHTTP) and PostgreSQL store (postgres-nio).",
            enabledTraits: [verifier, openAPI]
        ),
        .trait(
            name: openAPI,
            description: "PactOpenAPI: pacts checked against a provider's OpenAPI document (OpenAPIKit for OpenAPI 3.x, Yams for YAML)."
        ),
        .default(enabledTraits: [mockTLS, verifier, commandLine, codesService, brokerServer, openAPI]),
    ],
    dependencies: [
        // The in-process mock provider's and the HTTP servers' networking: the one dependency of PactConsumer.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        // The command lines' argument parsing (trait CommandLine).
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Outgoing HTTP for the verifier and the broker client, with TLS (trait Verifier).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        // The mock's self-signed certificate, made at start (trait MockTLS): X.509 building and signing with
        // swift-crypto's P-256 keys, rather than hand-written ASN.1; already in the graph through async-http-client.
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.1.0"),
        // The codes service's and the broker's PostgreSQL stores (traits CodesService, BrokerServer).
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // The Pact Broker server's HTTP routing (trait BrokerServer).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // The Pact Broker server's basic and bearer authentication: the Authorization header's parsing and the
        // authenticator middleware protocol (trait BrokerServer).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // Diagnostics (--log-level, --log-format) and the servers' lifetimes: a ServiceGroup, graceful shutdown on
        // SIGINT/SIGTERM (traits CommandLine and CodesService; the in-process mock of a consumer test needs neither).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // The broker's pact version sha: SHA-1 of a pact's canonical JSON, as pact_broker names pact content (trait
        // BrokerServer; already in the graph through postgres-nio).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3" ..< "5.0.0"),
        // The broker's HTML pages: templates with HTML escaping by default (trait BrokerServer).
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // PactOpenAPI's reading of OpenAPI 3.0 and 3.1 documents (trait OpenAPI). Its default trait ExternalLoading
        // (loading external references through async Swift) is off: PactOpenAPI resolves relative files itself.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0", traits: []),
        // YAML for OpenAPI and Swagger documents (trait OpenAPI; OpenAPIKit's own tests use it too).
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Test-only: a consumer test imports swift-http-types beside PactConsumer and names both unqualified. Used
        // behind the Verifier trait only so that a consumer's `traits: []` graph stays SwiftNIO's.
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
        .target(
            name: "PactMockServer", dependencies: ["PactModel", "PactMatching", "HTTPServerCore", nioLocks] + mockTLSDependencies
        ),
        // `pactkit mock`: loading, --watch, admin API, request log, output; on PactMockServer's engine.
        .target(
            name: "PactStandaloneMock",
            dependencies: ["PactModel", "PactMatching", "PactMockServer", "HTTPServerCore", "ProcessLifecycle", nioLocks, logging]
        ),
        // A server process's life: its services in a ServiceGroup, stopped gracefully by SIGINT or SIGTERM.
        .target(name: "ProcessLifecycle", dependencies: [logging] + lifecycle),
        .target(name: "PactConsumer", dependencies: ["PactModel", "PactMatching", "PactMockServer"]),
        // Every outgoing HTTP call (verifier, pact downloads, broker) goes through this one AsyncHTTPClient wrapper.
        .target(
            name: "OutboundHTTP",
            dependencies: [
                "HTTPSyntax",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: when(verifier)),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                nioSSL,
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
                "CommandLineLogging", "ProcessLifecycle", logging, argumentParser,
                .target(name: "PactBrokerServer", condition: when(brokerServer)),
                .target(name: "PactOpenAPI", condition: when(openAPI)),
            ],
            path: "Sources/PactKitCLI"
        ),
        // The HTTP servers' connection options for the command-line tools that start one.
        .target(
            name: "ServerCLIOptions",
            dependencies: ["HTTPServerCore", argumentParser]
        ),
        // --log-level and --log-format for the command-line tools, and the log handlers they bootstrap.
        .target(name: "CommandLineLogging", dependencies: ["PactModel", logging, argumentParser]),
        // The codes service: a real provider for PactKit's own contracts.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // One SQLite connection on its own serial queue, with transactions: the codes service's and the broker's store.
        .target(name: "SQLiteSupport", dependencies: [
            "CSQLite", .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // A PostgreSQL store's common part: the URL and settings, postgres-nio's pool with bounded waits and statement
        // deadlines, failures sorted into unavailable (503) and conflicts (retried), migrations under an advisory lock.
        .target(name: "PostgresSupport", dependencies: [
            .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: [codesService, brokerServer])),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: [codesService, brokerServer])),
        ]),
        .target(name: "CodesService", dependencies: [
            "HTTPServerCore", "SQLiteSupport", "PostgresSupport", postgres, "ProcessLifecycle", logging,
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "CodesClient"),
        // `pactkit broker`: the Pact Broker server: HAL API, matrix, pacts for verification, on SQLite, PostgreSQL or in memory.
        // UI/ renders its HTML pages from plain view models; Webhooks/ is its webhooks engine (definitions, templates,
        // the allow-list, the dispatcher that sends them through OutboundHTTP).
        .target(name: "PactBrokerServer", dependencies: [
            "PactModel", "HTTPSyntax", "SQLiteSupport", "OutboundHTTP", hummingbird, hummingbirdAuth, mustache, nioLocks,
            .target(name: "PostgresSupport", condition: when(brokerServer)), brokerPostgres,
            // Provider contracts: pacts compared with the provider's OpenAPI document (the BrokerServer trait enables OpenAPI).
            .target(name: "PactOpenAPI", condition: when(brokerServer)),
            .product(name: "Crypto", package: "swift-crypto", condition: when(brokerServer)),
            .product(name: "Logging", package: "swift-log", condition: when(brokerServer)),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: when(brokerServer)),
        ]),
        // Pacts checked against a provider's OpenAPI document (bi-directional contract testing): Schema/ is a JSON Schema
        // validator, Document/ reads Swagger 2.0 and OpenAPI 3.x (YAML or JSON) into one model of operations.
        .target(name: "PactOpenAPI", dependencies: ["PactModel", "PactMatching", yams] + openAPIKit),
        .executableTarget(
            name: "codes-service",
            dependencies: [
                "CodesService", "HTTPServerCore", "ServerCLIOptions", "ProcessLifecycle", "CommandLineLogging", logging,
                argumentParser,
            ],
            path: "Sources/CodesServiceCLI"
        ),
        .executableTarget(
            name: "pactkit-bench",
            dependencies: [
                "PactModel", "PactMatching", "PactMockServer", "HTTPServerCore", "ProcessLifecycle", logging,
                argumentParser, .target(name: "PactOpenAPI", condition: when(openAPI)),
            ],
            path: "Sources/PactBench"
        ),
        // What several test targets share: HTTP clients (URLSession requests, raw sockets) and the package root.
        .target(name: "TestSupport", dependencies: ["PactModel"], path: "Tests/TestSupport"),
        // A fresh PostgreSQL database per test on PACTKIT_TEST_POSTGRES_URL's server: the codes service's and the broker's tests.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "PostgresSupport",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: [codesService, brokerServer])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: [codesService, brokerServer])),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        .testTarget(name: "HTTPSyntaxTests", dependencies: ["HTTPSyntax"]),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactMatchingTests", dependencies: ["PactModel", "PactMatching"]),
        .testTarget(name: "HTTPServerCoreTests", dependencies: ["HTTPServerCore", "TestSupport"] + nio),
        .testTarget(name: "OutboundHTTPTests", dependencies: ["OutboundHTTP", "HTTPServerCore", nioSSL] + nio),
        .testTarget(
            name: "PactMockServerTests", dependencies: ["PactMockServer", "PactModel", "PactMatching", "TestSupport"]
        ),
        .testTarget(
            name: "PactStandaloneMockTests",
            dependencies: ["PactStandaloneMock", "PactMockServer", "PactModel", "PactMatching", "HTTPServerCore", logging]
        ),
        .testTarget(
            name: "PactConsumerTests",
            dependencies: [
                "PactConsumer", "PactModel", "PactMatching", "PactMockServer", "TestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types", condition: when(verifier)),
                // The https mock's tests: a client that trusts the generated certificate, and one that does not.
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: when(verifier)), nioSSL,
            ]
        ),
        .testTarget(name: "CodesServiceTests", dependencies: [
            "CodesService", "HTTPServerCore", "ProcessLifecycle", "TestSupport", postgres, logging,
            .target(name: "PostgresTestSupport", condition: when(codesService)),
        ] + lifecycle),
        .testTarget(
            name: "PactVerifierTests",
            dependencies: ["PactVerifier", "PactBroker", "PactModel", "PactMatching", "HTTPServerCore", nioSSL] + nio
        ),
        .testTarget(
            name: "PactKitCLITests",
            dependencies: ["PactModel", "HTTPServerCore", "PactVerifier", "TestSupport", nioSSL] + nio
        ),
        // The broker client's own contract (writes pacts/pactkit-pact-broker.json), its bad-input tests, and the
        // whole broker pipeline run with the pactkit binary against `pactkit mock` serving that contract.
        .testTarget(
            name: "PactBrokerTests",
            dependencies: ["PactBroker", "PactConsumer", "PactModel", "HTTPServerCore", "OutboundHTTP", "CodesService", "TestSupport"]
        ),
        // The broker server driven by PactKit's own client, the store suite on both drivers, `pactkit broker`, the
        // webhooks engine against an in-process receiver, and the pages' renderers and the pages in headless Chromium.
        .testTarget(
            name: "PactBrokerServerTests",
            dependencies: [
                "PactBrokerServer", "PactBroker", "PactModel", "OutboundHTTP", "HTTPServerCore", "TestSupport", hummingbird, nioLocks,
                "PactVerifier",
                .target(name: "PostgresSupport", condition: when(brokerServer)), brokerPostgres,
                .target(name: "PostgresTestSupport", condition: when(brokerServer)),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: when(brokerServer)),
                .product(name: "Logging", package: "swift-log", condition: when(brokerServer)),
            ]
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
        .testTarget(name: "PactOpenAPITests", dependencies: ["PactOpenAPI", "PactModel", "TestSupport"]),
        // Every ```swift block of README.md, docs/ and the doc comments in Sources has a compiled twin in a test
        // target; every relative link of the docs resolves.
        .testTarget(name: "DocSnippetTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
