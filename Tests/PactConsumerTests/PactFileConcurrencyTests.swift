import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// Many writers of one pact file, in this process and in others at the same time, lose nothing.
final class PactFileConcurrencyTests: XCTestCase {
    private static let childDirectoryVariable = "PACT_TEST_CHILD_DIRECTORY"
    private static let childPrefixVariable = "PACT_TEST_CHILD_PREFIX"
    private static let writesPerChild = 15

    func testConcurrentWritersInOneProcessLoseNothing() async throws {
        let directory = try temporaryDirectory(self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<48 {
                group.addTask {
                    try PactFileWriter.write(PactFileWriterTests.request(
                        [PactFileWriterTests.interaction("task \(index)")], in: directory))
                }
            }
            try await group.waitForAll()
        }
        let pact = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        XCTAssertEqual(Set(pact.interactions.map(\.description)), Set((0..<48).map { "task \($0)" }))
        XCTAssertEqual(pact.interactions.count, 48)
    }

    func testParallelProcessesAndTasksLoseNothing() async throws {
        #if os(Linux)
        let directory = try temporaryDirectory(self)
        let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the test binary \(binary.path) cannot be started as a child process")
        }
        var children: [Process] = []
        for child in 0..<2 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["PactConsumerTests.PactFileConcurrencyTests/testChildProcessWriter"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.childDirectoryVariable] = directory.path
            environment[Self.childPrefixVariable] = "child \(child)"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            children.append(process)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<30 {
                group.addTask {
                    try PactFileWriter.write(PactFileWriterTests.request(
                        [PactFileWriterTests.interaction("parent \(index)")], in: directory))
                }
            }
            try await group.waitForAll()
        }
        for process in children {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "a child writer failed")
        }
        let pact = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        var expected = Set((0..<30).map { "parent \($0)" })
        for child in 0..<2 { expected.formUnion((0..<Self.writesPerChild).map { "child \(child) \($0)" }) }
        XCTAssertEqual(Set(pact.interactions.map(\.description)), expected)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["app-api.json"])
        #else
        throw XCTSkip("child-process writers are started from the Linux test binary only")
        #endif
    }

    /// The child side of `testParallelProcessesAndTasksLoseNothing`; skipped in a normal test run.
    func testChildProcessWriter() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Self.childDirectoryVariable], let prefix = environment[Self.childPrefixVariable] else {
            throw XCTSkip("runs only as a child process of testParallelProcessesAndTasksLoseNothing")
        }
        let directory = URL(fileURLWithPath: path)
        for index in 0..<Self.writesPerChild {
            try PactFileWriter.write(PactFileWriterTests.request([PactFileWriterTests.interaction("\(prefix) \(index)")], in: directory))
        }
    }
}
