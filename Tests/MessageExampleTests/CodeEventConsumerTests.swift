import Foundation
import PactConsumer
import PactModel
import XCTest

/// The consumer side of docs/messages.md's example, run as written (the pact goes to a temporary folder):
/// the audit log handles the revoked event and the pact is written; an audit log that rejects it fails at the line
/// that declared the message, and no pact is written.
final class CodeEventConsumerTests: XCTestCase {
    /// The committed pact the provider side verifies; the consumer test keeps it in step.
    static let committedPact = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/message-example/audit-log-data-lpa-codes.json")

    /// Declares the message and returns the line of its `expectsToReceive`.
    @discardableResult
    private func declare(_ pact: MessagePactBuilder) -> UInt {
        let line: UInt = #line + 1
        pact.expectsToReceive("an activation code revoked event")
            .given("the activation key H9CW4XBJ6RKP has been revoked")
            .withContents(["code": .regex("[A-Z0-9]{12}", example: "H9CW4XBJ6RKP"),
                           "lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                           "revokedAt": .datetime("yyyy-MM-dd'T'HH:mm:ss", example: "2026-01-05T10:00:00")],
                          contentType: "application/json")
            .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked")])
        return line
    }

    func testTheAuditLogHandlesTheRevokedEvent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("message-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes", directory: directory)
        declare(pact)

        let auditLog = RevocationAuditLog()
        try await pact.verifyMessages { message in
            try auditLog.handle(message)
        }
        XCTAssertEqual(auditLog.lines, ["2026-01-05T10:00:00 LPA 700000000047: code H9CW4XBJ6RKP revoked"])

        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("audit-log-data-lpa-codes.json"))
        let committed = try PactReader.read(contentsOf: Self.committedPact)
        XCTAssertEqual(written.interactions.map(Self.withoutTestName), committed.interactions.map(Self.withoutTestName),
                       "Fixtures/message-example holds the pact this test writes; copy it there after changing the test")
    }

    func testAnAuditLogThatRejectsTheEventFailsAtTheDeclaration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("message-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reporter = CollectingFailureReporter()
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes", directory: directory, reporter: reporter)
        let line = declare(pact)

        do {
            try await pact.verifyMessages { message in
                var renamed = message
                renamed.metadata["topic"] = "lpas.revoked"
                try RevocationAuditLog().handle(renamed)
            }
            XCTFail("the handler's error must fail the test")
        } catch {}
        XCTAssertEqual(reporter.failures.map(\.message),
                       ["Pact: the handler failed on message 'an activation code revoked event': the audit log does not read topic 'lpas.revoked'"])
        XCTAssertEqual(reporter.failures.first?.location.line, line, "reported where the message is declared")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path), "no pact is written for a failed run")
    }

    /// Declares docs/messages.md's code check exchange, answering `valid`, and returns its `synchronousMessage` line.
    @discardableResult
    private func declareCodeCheck(_ pact: MessagePactBuilder, valid: Bool = true) -> UInt {
        let line: UInt = #line + 1
        pact.synchronousMessage("a code check")
            .given("the activation key H9CW4XBJ6RKP exists")
            .withRequest(contents: ["code": .regex("[A-Z0-9]{12}", example: "H9CW4XBJ6RKP")], metadata: ["replyTo": "code-checks"])
            .willRespondWith(contents: ["valid": .boolean(valid), "lpa": .regex(#"7\d{11}"#, example: "700000000047")])
        return line
    }

    func testTheCodeCheckClientSendsTheRequestAndReadsTheDeclaredReply() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("message-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pact = MessagePactBuilder(consumer: "codes-client", provider: "data-lpa-codes", directory: directory)
        declareCodeCheck(pact)

        let client = CodeCheckClient()
        var lpas: [String] = []
        try await pact.verifySynchronousMessages { exchange in
            XCTAssertEqual(try client.request(code: "H9CW4XBJ6RKP").json, exchange.request.json)
            lpas.append(try client.lpa(from: exchange.response))
        }
        XCTAssertEqual(lpas, ["700000000047"])
        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("codes-client-data-lpa-codes.json"))
        XCTAssertEqual(written.interactions.map(\.typeName), ["Synchronous/Messages"])
    }

    func testAClientThatRejectsTheReplyFailsAtTheDeclaration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("message-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reporter = CollectingFailureReporter()
        let pact = MessagePactBuilder(consumer: "codes-client", provider: "data-lpa-codes", directory: directory, reporter: reporter)
        let line = declareCodeCheck(pact, valid: false)

        do {
            try await pact.verifySynchronousMessages { exchange in
                _ = try CodeCheckClient().lpa(from: exchange.response)
            }
            XCTFail("the client's error must fail the test")
        } catch {}
        XCTAssertEqual(reporter.failures.map(\.message),
                       ["Pact: the test closure failed on message 'a code check': the codes service says the code is not valid"])
        XCTAssertEqual(reporter.failures.first?.location.line, line, "reported where the exchange is declared")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path), "no pact is written for a failed run")
    }

    /// The interaction without its test name and the V4 key derived from it: the test name is the running test's,
    /// except in the first test of a process to make a builder (XCTest names a test case only to observers registered
    /// before it starts), where it is the helper's `declare(_:)`.
    static func withoutTestName(_ interaction: Interaction) -> Interaction {
        guard case .asynchronousMessage(var message) = interaction else { return interaction }
        message.info.comments["testname"] = nil
        message.info.key = nil
        return .asynchronousMessage(message)
    }
}
