import Foundation
import PactModel
import TestSupport
import XCTest

/// docs/consumer-dsl.md's fuller example (`CodesClientPactTests`, its compiled twin) and `PactBuilder`'s doc-comment
/// example run as a reader would run them: in a folder of their own, where each passes and writes
/// `pacts/use-an-lpa-data-lpa-codes.json`, and nothing else.
final class ConsumerDSLExampleTests: XCTestCase {
    func testTheFullerExamplePassesAndWritesItsPactUnderTheWorkingDirectory() throws {
        try assertPassesAndWritesItsPact("CodesContractTests.CodesClientPactTests")
    }

    /// `PactBuilder`'s doc comment shows the same interaction, shorter.
    func testThePactBuilderDocCommentExamplePassesAndWritesItsPact() throws {
        try assertPassesAndWritesItsPact("CodesContractTests.PactBuilderDocCommentExample")
    }

    private func assertPassesAndWritesItsPact(_ testClass: String, line: UInt = #line) throws {
        #if os(Linux)
        guard let binary = ScratchTestRun.testBinary else {
            throw XCTSkip("the test binary \(ProcessInfo.processInfo.arguments[0]) cannot be started as a child process")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-dsl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let run = try ScratchTestRun.run(testClass, binary: binary, in: scratch)
        XCTAssertEqual(run.status, 0, run.output, line: line)
        XCTAssertTrue(run.output.contains("Executed 1 test, with 0 failures"), run.output, line: line)
        let pacts = scratch.appendingPathComponent("pacts")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: pacts.path), ["use-an-lpa-data-lpa-codes.json"],
                       line: line)
        let pact = try PactReader.read(contentsOf: pacts.appendingPathComponent("use-an-lpa-data-lpa-codes.json"))
        XCTAssertEqual(pact.interactions.map(\.description), ["a request to validate a code"], line: line)
        #else
        throw XCTSkip("the examples are run from the Linux test binary only")
        #endif
    }
}
