import HTTPServerCore
import XCTest

@testable import PactStandaloneMock

/// The match memo stops building keys for every request once it is full and keeps missing (every body differs),
/// and consults it for every request again once a sampled request is found.
final class MatchMemoTests: XCTestCase {
    func testAFullMemoThatKeepsMissingIsOnlySampledUntilItAnswersAgain() throws {
        // A key of `GET /a` counts 69 bytes: one fits, a second does not.
        let memo = MatchMemo(headerNames: [], byteLimit: 100, missLimit: 3, sampleInterval: 4)
        let answer = MatchMemo.Answer(chosen: 0, alternatives: [], selection: .onlyMatch)
        let repeated = ServerRequest(method: "GET", target: "/a")
        memo.remember(answer, for: try XCTUnwrap(memo.key(for: repeated, stateHeader: "")))
        XCTAssertEqual(memo.answer(for: try XCTUnwrap(memo.key(for: repeated, stateHeader: "")))?.chosen, 0)
        // Not full yet: misses do not count.
        for target in ["/b", "/c", "/d", "/e"] {
            let key = try XCTUnwrap(memo.key(for: ServerRequest(method: "GET", target: target), stateHeader: ""))
            XCTAssertNil(memo.answer(for: key))
        }
        memo.remember(answer, for: try XCTUnwrap(memo.key(for: ServerRequest(method: "GET", target: "/b"), stateHeader: "")))
        // Full now: three misses in a row, then only every fourth request gets a key.
        for target in ["/c", "/d", "/e"] {
            let key = try XCTUnwrap(memo.key(for: ServerRequest(method: "GET", target: target), stateHeader: ""))
            XCTAssertNil(memo.answer(for: key))
        }
        for _ in 0..<3 { XCTAssertNil(memo.key(for: repeated, stateHeader: "")) }
        let sampled = try XCTUnwrap(memo.key(for: repeated, stateHeader: ""))
        XCTAssertEqual(memo.answer(for: sampled)?.chosen, 0)
        // Found again: every request is looked up.
        XCTAssertNotNil(memo.key(for: ServerRequest(method: "GET", target: "/f"), stateHeader: ""))
        XCTAssertNotNil(memo.key(for: repeated, stateHeader: ""))
    }
}
