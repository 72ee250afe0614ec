import Foundation
import PactModel
import PactVerifier
import XCTest

/// The provider side of docs/messages.md's example: the codes service's publisher verified in process
/// against the audit log's pact; a publisher that renamed a field fails with the JSON path.
final class CodeEventProviderTests: XCTestCase {
    private func verify(_ publisher: CodeEventPublisher) async throws -> VerificationReport {
        var configuration = VerifierConfiguration(providerBaseURL: URL(string: "http://localhost")!)
        configuration.messages.producers = [
            "an activation code revoked event": MessageProducer { _ in
                try publisher.revokedEvent(code: "H9CW4XBJ6RKP", lpa: "700000000047", at: Date())
            },
        ]
        let verifier = try Verifier(configuration: configuration)
        return await verifier.verify([.file(CodeEventConsumerTests.committedPact)])
    }

    func testThePublisherHonoursTheAuditLogsPact() async throws {
        let report = try await verify(CodeEventPublisher())
        XCTAssertEqual(report.exitCode, 0, report.renderConsole(colour: false))
        XCTAssertEqual(report.interactions.map(\.status), [.passed])
    }

    func testAPublisherThatRenamedAFieldFails() async throws {
        let report = try await verify(CodeEventPublisher(lpaField: "lpaUid"))
        let console = report.renderConsole(colour: false)
        XCTAssertEqual(report.exitCode, 1, console)
        XCTAssertEqual(report.interactions.first?.mismatches.map(\.path), ["$"], console)
        XCTAssertTrue(console.contains("an activation code revoked event (message from its in-process producer)"), console)
        XCTAssertTrue(console.contains("body $: Actual map is missing the following keys: lpa"), console)
    }
}
