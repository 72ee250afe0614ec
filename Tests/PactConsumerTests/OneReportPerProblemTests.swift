import Foundation
import XCTest

/// Runs the deliberately broken consumer tests (`BrokenFixtures/`) in a child process, under XCTest and under Swift
/// Testing, and checks what the frameworks themselves report: one failure per problem, at the declaring line, in
/// order, and nothing more (no second report of a thrown error, no follow-on noise).
final class OneReportPerProblemTests: XCTestCase {
    /// A failure as the framework printed it.
    struct Reported: CustomStringConvertible {
        var line: UInt
        var message: String
        var description: String { "\(line): \(message)" }
    }

    /// Per scenario: the lines the fixture expects, and the failures reported for its test.
    struct Outcome {
        var expected: [String: [UInt]] = [:]
        var reported: [String: [Reported]] = [:]
        /// Per scenario: what ended it (the `ended` line the fixture prints).
        var ended: [String: String] = [:]
        var output = ""
    }

    private static let scenarios = [
        "MismatchesThenClosureError": "mismatches", "UsageErrorsInLineOrder": "usage",
        "NeverRunLocalBuilder": "never run", "NeverRunBuilderProperty": "never run property",
        "NeverVerifiedMessages": "never verified", "MessageHandlerFails": "message handler",
    ]

    func testXCTestReportsEachProblemOnce() throws {
        let outcome = try run(["PactConsumerTests.BrokenConsumerXCTests"]) { line in
            // `/path/File.swift:12: error: BrokenConsumerXCTests.testX : message`
            guard let range = line.range(of: ": error: BrokenConsumerXCTests.test") else { return nil }
            let location = line[..<range.lowerBound]
            let rest = line[range.upperBound...]
            guard let nameEnd = rest.range(of: " : ") else { return nil }
            let lineNumber = location.split(separator: ":").last.flatMap { UInt($0) } ?? 0
            return (String(rest[..<nameEnd.lowerBound]), Reported(line: lineNumber, message: String(rest[nameEnd.upperBound...])))
        }
        XCTAssertFalse(outcome.output.contains("<EXPR>:0"), "a thrown error was reported again:\n\(outcome.output)")
        check(outcome)
        // The first words are PactKit's, except on the failure that ends a failed run, which only XCTUnwrap can end
        // without a second failure (see `XCTestFailureReporter.reportLast`).
        for (scenario, failures) in outcome.reported {
            for (index, failure) in failures.enumerated() {
                let ending = Self.endedByThrowing.contains(scenario) && index == failures.count - 1
                let prefix = ending ? "XCTUnwrap failed: expected non-nil value of type \"PactKitPassingRun\" - Pact" : "Pact"
                XCTAssertTrue(failure.message.hasPrefix(prefix), "\(scenario): \(failure) should start with \(prefix)")
            }
        }
    }

    func testSwiftTestingReportsEachProblemOnce() throws {
        let outcome = try run(["--testing-library", "swift-testing", "--filter", "BrokenConsumerSwiftTests"]) { line in
            // `✘ Test mismatchesThenClosureError() recorded an issue at BrokenConsumer.swift:30:9: message`
            guard let test = line.range(of: "Test "), let marker = line.range(of: "() recorded an issue at ") else { return nil }
            let name = line[test.upperBound..<marker.lowerBound]
            let fields = line[marker.upperBound...].split(separator: ":", maxSplits: 3)
            guard fields.count == 4, let lineNumber = UInt(fields[1]) else { return nil }
            return (name.prefix(1).uppercased() + name.dropFirst(), Reported(line: lineNumber, message: String(fields[3])))
        }
        XCTAssertFalse(outcome.output.contains("Caught error"), "a thrown error was reported again:\n\(outcome.output)")
        check(outcome)
        // Swift Testing titles each issue itself; PactKit's message is its comment, the first line below the title.
        for (scenario, failures) in outcome.reported {
            for (index, failure) in failures.enumerated() {
                let ending = Self.endedByThrowing.contains(scenario) && index == failures.count - 1
                let lines = failure.message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertEqual(lines.first, ending ? "Expectation failed: pactKitRunPassed" : "Issue recorded", "\(scenario): \(failure)")
                XCTAssertTrue(lines.dropFirst().first?.hasPrefix("Pact") ?? false, "\(scenario): \(failure)")
            }
        }
    }

    /// The scenarios whose `run` or verify call throws to end the test (the others fail when the builder goes).
    private static let endedByThrowing: Set = ["mismatches", "usage", "message handler"]

    private func check(_ outcome: Outcome, file: StaticString = #filePath, line: UInt = #line) {
        for scenario in Self.scenarios.values.sorted() {
            let expected = outcome.expected[scenario]
            let reported = outcome.reported[scenario] ?? []
            XCTAssertNotNil(expected, "scenario '\(scenario)' did not run:\n\(outcome.output)", file: file, line: line)
            XCTAssertEqual(reported.map(\.line), expected ?? [], "\(scenario): \(reported)", file: file, line: line)
            for failure in reported {
                XCTAssertFalse(failure.message.contains("must be a string"), "follow-on noise: \(failure)", file: file, line: line)
            }
        }
        let mismatches = outcome.reported["mismatches"] ?? []
        XCTAssertTrue(mismatches.first?.message.contains("Pact mismatch in interaction 'create an order' for POST /orders: body $.quantity") ?? false,
                      "\(mismatches)", file: file, line: line)
        XCTAssertTrue(mismatches.dropFirst().first.map { $0.message.contains("'read an order'") && $0.message.contains("query full") }
                      ?? false, "\(mismatches)", file: file, line: line)
        XCTAssertEqual(outcome.ended["mismatches"], "the framework's error, pact not written",
                       "run ends the test with the framework's own already-recorded error and writes no pact", file: file, line: line)
        XCTAssertTrue(mismatches.last.map { outcome.output.contains("the test closure then threw") && $0.line > 0 } ?? false,
                      file: file, line: line)
        XCTAssertTrue(outcome.output.contains("more characters)"), "the closure's error is shortened", file: file, line: line)
        XCTAssertTrue(outcome.reported["usage"]?.first?.message.contains("has no response") ?? false,
                      "\(outcome.reported["usage"] ?? [])", file: file, line: line)
        XCTAssertTrue(outcome.reported["never run property"]?.first?.message.contains("declared but never run") ?? false,
                      file: file, line: line)
        XCTAssertTrue(outcome.reported["never verified"]?.first?.message.contains("declared but never verified") ?? false,
                      "\(outcome.reported["never verified"] ?? [])", file: file, line: line)
        XCTAssertTrue(outcome.reported["message handler"]?.first?.message.contains("the handler failed on message") ?? false,
                      "\(outcome.reported["message handler"] ?? [])", file: file, line: line)
    }

    /// Runs this test binary with `arguments` and the fixtures enabled; `parse` picks failures out of its output.
    private func run(_ arguments: [String], parse: (String) -> (test: String, failure: Reported)?) throws -> Outcome {
        #if os(Linux)
        let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the test binary \(binary.path) cannot be started as a child process")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[BrokenConsumer.variable] = "1"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var outcome = Outcome(output: String(decoding: data, as: UTF8.self))
        XCTAssertNotEqual(process.terminationStatus, 0, "the broken tests must fail")
        var lastScenario: String?
        for line in outcome.output.split(separator: "\n").map(String.init) {
            if let colon = line.range(of: ": "), line.hasPrefix("expect ") {
                let scenario = String(line[line.index(line.startIndex, offsetBy: 7)..<colon.lowerBound])
                outcome.expected[scenario] = line[colon.upperBound...].split(separator: " ").compactMap { UInt($0) }
            } else if let colon = line.range(of: ": "), line.hasPrefix("ended ") {
                let scenario = String(line[line.index(line.startIndex, offsetBy: 6)..<colon.lowerBound])
                outcome.ended[scenario] = String(line[colon.upperBound...])
            } else if let (test, failure) = parse(line), let scenario = Self.scenarios[test] {
                outcome.reported[scenario, default: []].append(failure)
                lastScenario = scenario
            } else if line.hasPrefix("↳ "), let scenario = lastScenario, var failures = outcome.reported[scenario],
                let last = failures.popLast() {
                // Swift Testing prints an issue's comment on the lines below it.
                failures.append(Reported(line: last.line, message: last.message + "\n" + line.dropFirst(2)))
                outcome.reported[scenario] = failures
            } else {
                lastScenario = nil
            }
        }
        return outcome
        #else
        throw XCTSkip("the broken consumer tests are run from the Linux test binary only")
        #endif
    }
}
