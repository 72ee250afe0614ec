import Foundation
import HTTPServerCore
import PactBroker
import XCTest

/// The broker's notices follow the one colour rule: coloured by type on a terminal, plain with `--no-colour` or a
/// non-empty NO_COLOR (an empty NO_COLOR does not count, as no-color.org says).
final class NoticeColourTests: XCTestCase {
    func testANoticeIsColouredByItsType() {
        XCTAssertEqual(BrokerNotice(type: "success", text: "ok").consoleText(colour: true), "\u{1B}[32mok\u{1B}[0m")
        XCTAssertEqual(BrokerNotice(type: "error", text: "a\nb").consoleText(prefix: "  ", colour: true), "\u{1B}[31m  a\n  b\u{1B}[0m")
        XCTAssertEqual(BrokerNotice(type: "warning", text: "w").consoleText(colour: true), "\u{1B}[33mw\u{1B}[0m")
        XCTAssertEqual(BrokerNotice(type: "info", text: "i").consoleText(colour: true), "i", "other types stay plain")
        XCTAssertEqual(BrokerNotice(type: "success", text: "a\nb").consoleText(prefix: "  ", colour: false), "  a\n  b")
    }

    /// A broker that accepts every publication and says so with the client's default `success` notice.
    private func broker() async throws -> FakeBroker {
        try await FakeBroker { request, _ in
            request.path == "/" ? FakeBroker.hal(#"{"_links": {"pb:publish-contracts": {"href": "http://\#(request.header("Host")!)/contracts/publish"}}}"#)
                : FakeBroker.hal("{}")
        }
    }

    func testPublishNoticesOnATerminalFollowTheFlagAndNoColor() async throws {
        let broker = try await broker()
        let publish = ["publish", "pacts/sirius-data-lpa-codes.json", "--consumer-app-version", "1",
                       "--broker-base-url", broker.url.absoluteString]
        let cases: [(extra: [String], environment: [String: String], coloured: Bool)] = [
            ([], [:], true),
            ([], ["NO_COLOR": ""], true),
            ([], ["NO_COLOR": "1"], false),
            (["--no-colour"], [:], false),
            (["--no-color"], ["NO_COLOR": ""], false),
        ]
        for item in cases {
            let result = try await TerminalProcess.run(publish + item.extra, environment: item.environment)
            let label = "\(item.extra) \(item.environment): \(result.output.debugDescription)"
            XCTAssertEqual(result.status, 0, label)
            XCTAssertTrue(result.output.contains("Published 1 pact(s) for sirius version 1"), label)
            XCTAssertEqual(result.output.contains("\u{1B}[32m"), item.coloured, label)
        }
        await broker.stop()
    }

    func testEveryBrokerCommandTakesTheFlag() async throws {
        let broker = try await FakeBroker { _, _ in FakeBroker.hal(#"{"error": "down"}"#, status: 500) }
        let result = try await Pactkit.run(["can-i-deploy", "--pacticipant", "web", "--version", "1", "--no-color",
                                            "--broker-base-url", broker.url.absoluteString],
                                           environment: ["PACT_BROKER_HTTP_RETRIES": "0"])
        await broker.stop()
        XCTAssertEqual(result.status, 2, "the broker's failure, not a usage error: \(result.stderr)")
        XCTAssertFalse(result.stderr.contains("\u{1B}["), result.stderr)
    }
}
