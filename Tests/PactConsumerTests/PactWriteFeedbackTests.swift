import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// The `Pact: wrote …` line of each write, and the warning about interactions a pact file holds that no test of the
/// run declared (left behind by a renamed description), with overwrite dropping them.
final class PactWriteFeedbackTests: XCTestCase {
    /// Lines sent to a write's feedback.
    private final class Lines: Sendable {
        private let lines = Locked<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    private func write(
        _ interactions: [HTTPInteraction], in directory: URL, mode: PactWriteMode = .merge, to lines: Lines
    ) throws {
        var request = PactFileWriterTests.request(interactions, in: directory, mode: mode)
        request.feedback = lines.add
        request.warnsAtExit = false
        try PactFileWriter.write(request)
    }

    private func interaction(_ description: String, path: String = "/") -> HTTPInteraction {
        PactFileWriterTests.interaction(description, path: path)
    }

    /// Writes `descriptions` as an earlier `swift test` run would have left them.
    private func earlierRunWrote(_ descriptions: [String], in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("app-api.json")
        let pact = Pact(consumer: "app", provider: "api", interactions: descriptions.map { .http(interaction($0)) })
        try PactWriter.write(pact, version: .v4, to: file)
        try pretendAnEarlierRunWrote(file)
        return file
    }

    func testEachWriteSaysWhereAndCountsNewChangedAndUnchanged() throws {
        let fresh = try temporaryDirectory(self)
        let lines = Lines()
        try write([interaction("a"), interaction("b")], in: fresh, to: lines)
        try write([interaction("a"), interaction("c")], in: fresh, to: lines)
        let freshPath = fresh.appendingPathComponent("app-api.json").standardizedFileURL.path
        XCTAssertEqual(lines.all, [
            "Pact: wrote \(freshPath) (2 new, 0 changed, 0 unchanged)",
            "Pact: wrote \(freshPath) (1 new, 0 changed, 1 unchanged)",
        ])

        // An earlier run wrote a and b; this one changes b's request.
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["a", "b"], in: directory)
        let later = Lines()
        try write([interaction("a"), interaction("b", path: "/changed"), interaction("c")], in: directory, to: later)
        XCTAssertEqual(later.all, ["Pact: wrote \(file.standardizedFileURL.path) (1 new, 1 changed, 1 unchanged)"])
    }

    func testThePathIsRelativeToTheCurrentDirectoryWhenInsideIt() {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        XCTAssertEqual(PactWriteFeedback.displayPath(cwd.appendingPathComponent("pacts/a-b.json")), "pacts/a-b.json")
        XCTAssertEqual(PactWriteFeedback.displayPath(URL(fileURLWithPath: "/elsewhere/a-b.json")), "/elsewhere/a-b.json")
    }

    func testInteractionsTheFileKeepsFromEarlierRunsAreNamedWithHowToDropThem() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["get user (old name)", "list users"], in: directory)
        let lines = Lines()
        try write([interaction("get user")], in: directory, to: lines)
        XCTAssertEqual(lines.all.count, 1)
        XCTAssertTrue(lines.all.first?.hasSuffix("(1 new, 0 changed, 0 unchanged)") ?? false, "\(lines.all)")
        let warning = try XCTUnwrap(PactWriteFeedback.staleWarning(for: file))
        XCTAssertEqual(warning, "Pact: warning: \(PactWriteFeedback.displayPath(file)) holds 2 interactions that no test "
            + "of this run declared: 'get user (old name)', 'list users'. They are left from earlier runs, because pact "
            + "files are merged; to drop them, run the tests with PACT_OVERWRITE=true or give the builder "
            + "writeMode: .overwrite")
    }

    func testAnInteractionAnEarlierTestOfThisProcessWroteIsNotStale() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["a", "b"], in: directory)
        let lines = Lines()
        // Two tests of this process, one after another, each writing its own interaction into the file.
        try write([interaction("a")], in: directory, to: lines)
        try write([interaction("b")], in: directory, to: lines)
        XCTAssertNil(PactWriteFeedback.staleWarning(for: file))
        XCTAssertEqual(lines.all.count, 2, "one line per write")
    }

    func testAnInteractionAnEarlierProcessOfThisRunDeclaredIsNotStale() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["from the XCTest process", "gone"], in: directory)
        // The XCTest process of this `swift test` wrote first; this (Swift Testing) process writes next.
        let lock = try PactFileLock(for: file)
        lock.record(run: RunIdentity.current, declared: [
            InteractionIdentity(description: "from the XCTest process", states: []).recordLine,
        ])
        lock.unlock()
        try write([interaction("mine")], in: directory, to: Lines())
        let warning = try XCTUnwrap(PactWriteFeedback.staleWarning(for: file))
        XCTAssertTrue(warning.contains("holds 1 interaction that no test of this run declared: 'gone'. It is left"), warning)
    }

    func testTheListIsCapped() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote((1...8).map { "old \($0)" }, in: directory)
        try write([interaction("new")], in: directory, to: Lines())
        let warning = try XCTUnwrap(PactWriteFeedback.staleWarning(for: file))
        XCTAssertTrue(warning.contains("holds 8 interactions that no test of this run declared: 'old 1', 'old 2', "
                                       + "'old 3', 'old 4', 'old 5' and 3 more."), warning)
    }

    func testOverwriteDropsStaleInteractionsAndSaysHowMany() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["get user (old name)", "get user"], in: directory)
        let lines = Lines()
        try write([interaction("get user")], in: directory, mode: .overwrite, to: lines)
        XCTAssertEqual(lines.all, ["Pact: wrote \(file.standardizedFileURL.path) (0 new, 0 changed, 1 unchanged)"])
        XCTAssertEqual(try PactReader.read(contentsOf: file).interactions.map(\.description), ["get user"])
        XCTAssertNil(PactWriteFeedback.staleWarning(for: file))
        XCTAssertEqual(PactWriteFeedback.removalNote(for: file), "Pact: \(file.standardizedFileURL.path): the overwrite "
                       + "removed 1 interaction that no test of this run declared: 'get user (old name)'")
    }

    func testLaterWritesOfAnOverwritingRunCountAgainstTheFileAsTheRunFoundIt() throws {
        let directory = try temporaryDirectory(self)
        let file = try earlierRunWrote(["a", "b", "gone"], in: directory)
        let lines = Lines()
        try write([interaction("a")], in: directory, mode: .overwrite, to: lines)
        try write([interaction("b", path: "/changed")], in: directory, mode: .overwrite, to: lines)
        try write([interaction("c")], in: directory, mode: .overwrite, to: lines)
        let path = file.standardizedFileURL.path
        XCTAssertEqual(lines.all, [
            "Pact: wrote \(path) (0 new, 0 changed, 1 unchanged)",
            "Pact: wrote \(path) (0 new, 1 changed, 0 unchanged)",
            "Pact: wrote \(path) (1 new, 0 changed, 0 unchanged)",
        ], "an unchanged interaction is not new just because the run started the file afresh")
        XCTAssertEqual(try PactReader.read(contentsOf: file).interactions.map(\.description), ["a", "b", "c"])
        XCTAssertEqual(PactWriteFeedback.removalNote(for: file), "Pact: \(path): the overwrite "
                       + "removed 1 interaction that no test of this run declared: 'gone'")
    }

    private static let childDirectoryVariable = "PACT_TEST_FEEDBACK_DIRECTORY"

    func testATestProcessWarnsOnceWhenItEnds() throws {
        #if os(Linux)
        let directory = try temporaryDirectory(self)
        _ = try earlierRunWrote(["get user (renamed since)"], in: directory)
        let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the test binary \(binary.path) cannot be started as a child process")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["PactConsumerTests.PactWriteFeedbackTests/testChildProcessWritingTwice"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childDirectoryVariable] = directory.path
        process.environment = environment
        let standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        let output = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        let lines = output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Pact: ") }
        let file = directory.appendingPathComponent("app-api.json").standardizedFileURL.path
        XCTAssertEqual(lines, [
            "Pact: wrote \(file) (1 new, 0 changed, 0 unchanged)",
            "Pact: wrote \(file) (1 new, 0 changed, 0 unchanged)",
            "Pact: warning: \(file) holds 1 interaction that no test of this run declared: 'get user (renamed since)'. "
                + "It is left from an earlier run, because pact files are merged; to drop them, run the tests with "
                + "PACT_OVERWRITE=true or give the builder writeMode: .overwrite",
        ], "a line per write, then one warning when the process ends, naming only what no write declared")
        #else
        throw XCTSkip("the child process is started from the Linux test binary only")
        #endif
    }

    /// The child side of `testATestProcessWarnsOnceWhenItEnds`: two tests' writes; skipped in a normal test run.
    func testChildProcessWritingTwice() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childDirectoryVariable] else {
            throw XCTSkip("runs only as a child process of testATestProcessWarnsOnceWhenItEnds")
        }
        let directory = URL(fileURLWithPath: path)
        for description in ["get user", "list users"] {
            try PactFileWriter.write(PactFileWriterTests.request([interaction(description)], in: directory))
        }
    }

    func testARunPrintsOneLineForItsPactFile() async throws {
        let directory = try temporaryDirectory(self)
        let lines = Lines()
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        pact.uponReceiving("a request for order 42").withRequest(.get, "/orders/42").willRespondWith(status: 200)
        try await PactWriteFeedback.$sink.withValue(lines.add) {
            try await pact.run { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).send("GET", "/orders/42")
            }
        }
        XCTAssertEqual(reporter.failures, [])
        let file = directory.appendingPathComponent("app-api.json").standardizedFileURL
        XCTAssertEqual(lines.all, ["Pact: wrote \(file.path) (1 new, 0 changed, 0 unchanged)"])
    }
}
