import Foundation
import PactMockServer
import PactModel
import PactStandaloneMock
import XCTest

/// Limits on what one request can make the standalone mock keep or send back (issue 14, items 4 and 5).
final class RequestSizeCapTests: XCTestCase {
    private func mock(options: StandaloneOptions = StandaloneOptions(), lines: LineCollector? = nil) throws -> StandaloneMock {
        let body = #", "headers": {"Content-Type": ["application/json"]}, "body": {"content": {"n": "short"}, "contentType": "application/json"}"#
        let pact = try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("add a thing", method: "POST", path: "/things", requestExtra: body, status: 201))]
        """)
        return try StandalonePacts.mock([pact], options: options, lines: lines)
    }

    /// A 1 MB value that differs from the pact's: the 500 and the log keep a prefix and the size, not the megabyte.
    func testAHugeMismatchedValueIsCappedInThe500AndInTheLog() throws {
        let mock = try mock()
        let huge = String(repeating: "x", count: 1_000_000)
        let response = mock.handle(method: "POST", target: "/things", headers: [("Content-Type", "application/json")],
                                   body: Data(#"{"n": "\#(huge)"}"#.utf8))
        XCTAssertEqual(response.status, 500)
        XCTAssertLessThan(response.body.count, 32 * 1024, "the 500 echoes the whole body")
        let mismatch = try XCTUnwrap(response.json?["mismatches"]?.arrayValue?.first)
        let actual = try XCTUnwrap(mismatch["actual"]?.stringValue)
        XCTAssertTrue(actual.hasPrefix("\"xxxx"), actual.prefix(40).description)
        XCTAssertTrue(actual.hasSuffix("(1000002 bytes in all)"), String(actual.suffix(40)))

        let log = mock.handle(method: "GET", target: "/__pactkit/log")
        XCTAssertLessThan(log.body.count, 32 * 1024, "the log keeps the whole body")
        let logged = log.json?["entries"]?.arrayValue?.first?["mismatches"]?.arrayValue?.first?["actual"]?.stringValue
        XCTAssertEqual(logged, actual)
    }

    func testTheEchoCapIsConfigurable() throws {
        let mock = try mock(options: StandaloneOptions(maxEchoedValueBytes: 10))
        let response = mock.handle(method: "POST", target: "/things", headers: [("Content-Type", "application/json")],
                                   body: Data(#"{"n": "0123456789abcdef"}"#.utf8))
        let actual = response.json?["mismatches"]?.arrayValue?.first?["actual"]?.stringValue
        XCTAssertEqual(actual, #""012345678… (18 bytes in all)"#)
    }

    /// 10,000 header fields once took over a second to group; past the cap the mock answers 431 at once.
    func testTooManyHeaderFieldsGet431AndALogLine() throws {
        let lines = LineCollector()
        let mock = try mock(options: StandaloneOptions(maxHeaderCount: 100), lines: lines)
        let fields = (0..<10_000).map { (name: "X-Field-\($0)", value: "v") }
        let response = mock.handle(method: "POST", target: "/things", headers: fields)
        XCTAssertEqual(response.status, 431)
        XCTAssertEqual(response.json?["error"]?.stringValue,
                       "the request has 10000 header fields; this mock accepts at most 100")
        XCTAssertEqual(lines.lines, ["POST /things -> 431 too many header fields (10000, at most 100)"])

        let atTheCap = mock.handle(method: "POST", target: "/things", headers: Array(fields.prefix(100)))
        XCTAssertEqual(atTheCap.status, 500, "100 fields are within the cap (the request then mismatches)")
    }
}
