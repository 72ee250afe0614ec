import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// The console, JSON and JUnit reports of one run with every status.
final class ReportTests: XCTestCase {
    /// Passed, failed (body mismatch), error (state setup refused), pending and a message, plus an unreadable source.
    private func mixedReport() async throws -> VerificationReport {
        let directory = try Pacts.temporaryDirectory(self)
        let pact = Pacts.text(consumer: "use-an-lpa", provider: "data-lpa-codes", [
            Pacts.get("a valid code", path: "/ok", body: #"{"actor": "A1"}"#),
            Pacts.get(#"a code <&> \"quoted\""#, path: "/wrong", body: #"{"actor": "A1"}"#),
            Pacts.get("a code needing state", path: "/state", states: #"[{"name": "broken state", "params": {"n": 1}}]"#),
            Pacts.http("pending one", pending: true, request: #"{"method": "GET", "path": "/pending"}"#, response: #"{"status": 204}"#),
            #"{"type": "Asynchronous/Messages", "description": "an event", "contents": {"contentType": "application/json", "content": {"actor": "A1"}}}"#,
        ])
        let file = directory.appendingPathComponent("use-an-lpa-data-lpa-codes.json")
        try Data(pact.utf8).write(to: file)
        let broken = directory.appendingPathComponent("broken.json")
        try Data("[]".utf8).write(to: broken)
        let provider = try await TestProvider.start { request in
            switch request.path {
            case "/_state" where request.bodyText.contains("broken state"): .json(#"{"error": "no fixture"}"#, status: 500)
            case "/_state": .json("{}")
            case "/wrong": .json(#"{"actor": 7}"#)
            default: .json(#"{"actor": "A1"}"#)
            }
        }
        let verifier = try Verifier.against(provider.url) { $0.stateChangeURL = provider.url.appendingPathComponent("_state") }
        let report = await verifier.verify([.file(file), .file(broken)])
        await provider.stop()
        return report
    }

    func testStatusesAndExitCode() async throws {
        let report = try await mixedReport()
        XCTAssertEqual(report.interactions.map(\.status), [.passed, .failed, .error, .pendingFailed, .passed])
        XCTAssertEqual([report.summary.total, report.summary.passed, report.summary.failed, report.summary.errors,
                        report.summary.pending, report.summary.skipped], [5, 2, 1, 1, 1, 0])
        XCTAssertEqual(report.exitCode, 2, "an unreadable source makes the run an error")
    }

    func testConsoleReport() async throws {
        let report = try await mixedReport()
        let plain = report.renderConsole(colour: false)
        for expected in [
            "Verifying a pact between use-an-lpa and data-lpa-codes",
            "  a valid code (GET /ok)", "    PASSED",
            "    FAILED", "body $.actor: Expected 7 (Integer) to be equal to 'A1' (String)",
            "expected: \"A1\"", "actual:   7",
            "    Given broken state {\"n\":1}", "    ERROR", "answered 500", "no fixture",
            "    PENDING", "  an event (message via POST /)",
            "Pacts that could not be read:",
            "1 pact(s), 5 interaction(s), 2 passed, 1 failed, 1 pending, 0 skipped, 1 error(s), 1 unreadable pact source(s): ERROR",
        ] {
            XCTAssertTrue(plain.contains(expected), "missing '\(expected)' in:\n\(plain)")
        }
        XCTAssertFalse(plain.contains("\u{1B}["))
        let coloured = report.renderConsole(colour: true)
        XCTAssertTrue(coloured.contains("\u{1B}[32mPASSED\u{1B}[0m"))
        XCTAssertTrue(coloured.contains("\u{1B}[31mFAILED\u{1B}[0m"))
    }

    func testJSONReport() async throws {
        let report = try await mixedReport()
        let json = try JSONParser.parse(report.jsonText())
        XCTAssertEqual(json["exitCode"], 2)
        XCTAssertEqual(json["result"], false)
        XCTAssertEqual(json["summary"]?["failed"], 1)
        XCTAssertEqual(json["sourceErrors"]?.arrayValue?.count, 1)
        let interactions = try XCTUnwrap(json["pacts"]?.arrayValue?.first?["interactions"]?.arrayValue)
        XCTAssertEqual(interactions.compactMap { $0["status"]?.stringValue },
                       ["passed", "failed", "error", "pending-failed", "passed"])
        let mismatch = try XCTUnwrap(interactions[1]["mismatches"]?.arrayValue?.first)
        XCTAssertEqual(mismatch["kind"], "body")
        XCTAssertEqual(mismatch["path"], "$.actor")
        XCTAssertEqual(mismatch["expected"], #""A1""#)
        XCTAssertEqual(mismatch["actual"], "7")
        let error = try XCTUnwrap(interactions[2]["errors"]?.arrayValue?.first)
        XCTAssertEqual(error["kind"], "state-setup")
        XCTAssertEqual(error["status"], 500)
        XCTAssertEqual(error["body"], #"{"error": "no fixture"}"#)
        XCTAssertEqual(interactions[2]["providerStates"], [["name": "broken state", "params": ["n": 1]]])
        XCTAssertEqual(interactions[3]["pending"], true)
    }

    func testJUnitReport() async throws {
        let report = try await mixedReport()
        let document = try XMLDocument(data: Data(report.junitXML().utf8))
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "6")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(root.attribute(forName: "errors")?.stringValue, "2")
        XCTAssertEqual(root.attribute(forName: "skipped")?.stringValue, "1")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.compactMap { $0.attribute(forName: "name")?.stringValue },
                       ["use-an-lpa - data-lpa-codes", "pact sources"])
        let cases = suites[0].elements(forName: "testcase")
        XCTAssertEqual(cases.compactMap { $0.attribute(forName: "name")?.stringValue }, [
            "a valid code", "a code <&> \"quoted\"", "a code needing state given broken state", "pending one", "an event",
        ])
        XCTAssertEqual(cases[0].childCount, 0)
        let failure = try XCTUnwrap(cases[1].elements(forName: "failure").first)
        XCTAssertTrue(failure.stringValue?.contains("body $.actor") == true, failure.stringValue ?? "")
        XCTAssertTrue(failure.stringValue?.contains("actual:   7") == true, failure.stringValue ?? "")
        let error = try XCTUnwrap(cases[2].elements(forName: "error").first)
        XCTAssertEqual(error.attribute(forName: "type")?.stringValue, "state-setup")
        XCTAssertTrue(error.attribute(forName: "message")?.stringValue?.contains("no fixture") == true)
        XCTAssertEqual(cases[3].elements(forName: "skipped").count, 1)
        XCTAssertEqual(cases[4].childCount, 0, "the message interaction passed like an HTTP one")
        let sourceError = try XCTUnwrap(suites[1].elements(forName: "testcase").first?.elements(forName: "error").first)
        XCTAssertTrue(sourceError.attribute(forName: "message")?.stringValue?.contains("not a valid pact") == true)
    }

    func testColourFollowsNoColorAndTheFlag() {
        XCTAssertFalse(TerminalColour.shouldColour(disabled: true, environment: [:]))
        XCTAssertFalse(TerminalColour.shouldColour(environment: ["NO_COLOR": "1"]))
    }

    /// no-color.org: NO_COLOR set and not empty turns colour off; an empty one leaves it as it would be.
    func testTheColourRule() {
        let cases: [(disabled: Bool, environment: [String: String], terminal: Bool, colour: Bool)] = [
            (false, [:], true, true),
            (false, ["NO_COLOR": ""], true, true),
            (false, ["NO_COLOR": "1"], true, false),
            (false, ["NO_COLOR": "false"], true, false),
            (true, [:], true, false),
            (true, ["NO_COLOR": ""], true, false),
            (false, [:], false, false),
            (false, ["NO_COLOR": ""], false, false),
        ]
        for item in cases {
            XCTAssertEqual(TerminalColour.shouldColour(disabled: item.disabled, environment: item.environment, terminal: item.terminal),
                           item.colour, "\(item)")
        }
    }
}
