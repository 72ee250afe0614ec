import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// A provider's 4 MB body in a mismatch is cut in the console and JUnit reports, saying how much, and kept whole in
/// the JSON report (issue 14, item 11).
final class LongBodyReportTests: XCTestCase {
    func testAHugeBodyIsCutInConsoleAndJUnitAndKeptInJSON() async throws {
        let huge = String(repeating: "y", count: 4 * 1024 * 1024)
        let pact = try Pacts.v4(Pacts.http(
            "a text body", request: #"{"method": "GET", "path": "/text"}"#,
            response: #"{"status": 200, "headers": {"Content-Type": ["text/plain"]}, "body": {"contentType": "text/plain", "content": "expected text"}}"#))
        let provider = try await TestProvider.start { _ in .text(huge) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .failed)

        let console = report.renderConsole(colour: false)
        XCTAssertLessThan(console.utf8.count, 10_000, "the console shows a prefix, not the 4 MB body")
        XCTAssertTrue(console.contains("[cut "), console)
        XCTAssertTrue(console.contains("of 4194"), "the note says how much there was: \(console)")

        let junit = report.junitXML()
        XCTAssertLessThan(junit.utf8.count, 20_000)
        XCTAssertTrue(junit.contains("[cut "), junit)

        XCTAssertTrue(report.jsonText().contains(huge), "the JSON report keeps the whole body")
    }
}
