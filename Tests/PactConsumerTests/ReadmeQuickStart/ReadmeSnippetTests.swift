import Foundation
import TestSupport
import PactConsumer
import XCTest

/// Marks the child process in which `ReadmeSnippetTests` runs the README's first test.
enum ReadmeQuickStart {
    static var isScratchRun: Bool { ScratchTestRun.isActive }
}

/// The README's "Getting started" snippets are the ones that work: the Package.swift lines name this package's
/// product, and the test file is `OrdersPactTests.swift` (but for its one `// repo only` line), which passes when run
/// in a fresh working directory and writes its pact to `pacts/` there, and nothing else.
final class ReadmeSnippetTests: XCTestCase {
    private static let packageRoot = PackageRoot.url

    private func swiftBlocks() throws -> [String] {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.components(separatedBy: "```swift\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    /// The README's Package.swift excerpt, which the compiler cannot check (DocSnippetTests lists it as checked here).
    static let packageSnippet = """
        // Package.swift
        dependencies: [
            .package(path: "../PactKit", traits: []),
        ],
        targets: [
            .testTarget(name: "OrdersAppTests", dependencies: [
                .product(name: "PactConsumer", package: "PactKit"),
            ]),
        ]

        """

    func testThePackageSnippetIsTheOneThatNamesThisPackagesProduct() throws {
        let snippet = try XCTUnwrap(try swiftBlocks().first { $0.hasPrefix("// Package.swift") })
        XCTAssertEqual(snippet, Self.packageSnippet, "edit the README's excerpt and this copy together")
        let manifest = try String(contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(manifest.contains(#"name: "PactKit""#))
        XCTAssertTrue(manifest.contains(#".library(name: "PactConsumer", targets: ["PactConsumer"])"#))
        XCTAssertTrue(snippet.contains(#".product(name: "PactConsumer", package: "PactKit")"#), snippet)
        // SwiftPM names a path dependency after its last path component: it must be what `package:` says. `traits: []`
        // turns off PactKit's default traits, which bring the provider side's dependencies; the README names them.
        XCTAssertTrue(snippet.contains(#".package(path: "../PactKit", traits: [])"#), snippet)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for trait in ["Verifier", "CommandLine", "CodesService", "BrokerServer", "MockTLS"] {
            XCTAssertTrue(manifest.contains("= \"\(trait)\""), "Package.swift declares no trait \(trait)")
            XCTAssertTrue(readme.contains("`\(trait)` ("), "the README does not say what trait \(trait) brings")
        }
    }

    func testTheTestSnippetIsTheFileThatRuns() throws {
        let snippet = try XCTUnwrap(try swiftBlocks().first { $0.contains("final class OrdersPactTests") })
        let file = try String(contentsOf: URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
            .appendingPathComponent("OrdersPactTests.swift"), encoding: .utf8)
        let withoutRepoLines = file.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasSuffix("// repo only") && !$0.hasPrefix("// doc-snippet") }.joined(separator: "\n")
        XCTAssertEqual(withoutRepoLines, snippet)
        XCTAssertEqual(snippet.components(separatedBy: "import ").count - 1, 4, "Foundation, FoundationNetworking, PactConsumer, XCTest")
    }

    func testTheTestSnippetPassesAndWritesItsPactUnderTheWorkingDirectory() throws {
        #if os(Linux)
        guard let binary = ScratchTestRun.testBinary else {
            throw XCTSkip("the test binary \(ProcessInfo.processInfo.arguments[0]) cannot be started as a child process")
        }
        let scratch = try temporaryDirectory(self)
        let run = try ScratchTestRun.run("PactConsumerTests.OrdersPactTests", binary: binary, in: scratch)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("Executed 1 test, with 0 failures"), run.output)
        let pacts = scratch.appendingPathComponent("pacts")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: pacts.path), ["orders-app-orders-api.json"])
        let pact = try PactReader.read(contentsOf: pacts.appendingPathComponent("orders-app-orders-api.json"))
        XCTAssertEqual(pact.interactions.map(\.description), ["a request for order 42"])
        #else
        throw XCTSkip("the README test is run from the Linux test binary only")
        #endif
    }
}
