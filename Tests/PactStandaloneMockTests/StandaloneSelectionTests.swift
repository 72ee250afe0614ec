import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// Choosing among several interactions that match one request: the provider-state header, the default state,
/// specificity, and ties.
final class StandaloneSelectionTests: XCTestCase {
    /// Two interactions with the same request that differ only by provider state.
    private func codePact() throws -> ServedPact {
        try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("a code", states: ["the code exists"], path: "/codes/abc",
                                       responseBody: #"{"code": "abc"}"#)),
         \(StandalonePacts.interaction("no code", states: ["the code does not exist"], path: "/codes/abc",
                                       status: 404))]
        """)
    }

    func testTheProviderStateHeaderSelectsByStateName() throws {
        let lines = LineCollector()
        let mock = try StandalonePacts.mock([codePact()], lines: lines)
        let missing = mock.handle(method: "GET", target: "/codes/abc",
                                  headers: [("x-pact-provider-state", "the code does not exist")])
        XCTAssertEqual(missing.status, 404)
        let found = mock.handle(method: "GET", target: "/codes/abc", headers: [("X-Pact-Provider-State", "the code exists")])
        XCTAssertEqual(found.status, 200)
        XCTAssertEqual(found.json, ["code": "abc"])
        XCTAssertEqual(lines.lines.count, 2)
        XCTAssertTrue(lines.lines[0].hasPrefix("GET /codes/abc -> 404 'no code' given 'the code does not exist'"), lines.lines[0])
        XCTAssertTrue(lines.lines[0].contains("(selected by X-Pact-Provider-State)"), lines.lines[0])
        XCTAssertFalse(lines.lines[0].contains("also possible"), lines.lines[0])
    }

    func testTheHeaderNameIsConfigurable() throws {
        let mock = try StandalonePacts.mock([codePact()], options: StandaloneOptions(providerStateHeader: "Pact-State"))
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc", headers: [("Pact-State", "the code does not exist")]).status, 404)
        // The default name now means nothing: the first interaction answers.
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc",
                                   headers: [("X-Pact-Provider-State", "the code does not exist")]).status, 200)
    }

    func testAnUnknownStateIsAMismatchThatListsTheStatesOnOffer() throws {
        let mock = try StandalonePacts.mock([codePact()])
        let response = mock.handle(method: "GET", target: "/codes/abc", headers: [("X-Pact-Provider-State", "no such state")])
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.header("X-Pact"), "Request-Mismatch")
        let mismatch = response.json?["mismatches"]?.arrayValue?.first
        XCTAssertEqual(mismatch?["type"], "header")
        XCTAssertEqual(mismatch?["path"], "X-Pact-Provider-State")
        XCTAssertEqual(mismatch?["actual"], "no such state")
        let sentence = mismatch?["mismatch"]?.stringValue ?? ""
        XCTAssertTrue(sentence.contains("'the code exists'") && sentence.contains("'the code does not exist'"), sentence)
    }

    func testTheDefaultStatePatternIsPreferredAndMustMatchTheWholeName() throws {
        let lines = LineCollector()
        let mock = try StandalonePacts.mock([codePact()], preferredState: ".*does not exist", lines: lines)
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc").status, 404)
        XCTAssertTrue(lines.lines[0].contains("(selected by --provider-state)"), lines.lines[0])
        // "does not" is only part of the name: no preference applies, so the first interaction answers.
        let partial = try StandalonePacts.mock([codePact()], preferredState: "does not")
        XCTAssertEqual(partial.handle(method: "GET", target: "/codes/abc").status, 200)
        // The header still wins over the default.
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc", headers: [("X-Pact-Provider-State", "the code exists")]).status, 200)
    }

    func testATieGoesToTheFirstInFileOrderAndTheLogSaysOthersWerePossible() throws {
        let lines = LineCollector()
        let mock = try StandalonePacts.mock([codePact()], lines: lines)
        let response = mock.handle(method: "GET", target: "/codes/abc")
        XCTAssertEqual(response.status, 200)
        let line = try XCTUnwrap(lines.lines.first)
        XCTAssertTrue(line.hasPrefix("GET /codes/abc -> 200 'a code' given 'the code exists' [pacts/app-api.json]"), line)
        XCTAssertTrue(line.contains("also possible: 'no code' given 'the code does not exist'"), line)
        XCTAssertTrue(line.contains("choose with the X-Pact-Provider-State header"), line)
        guard case .matched(let chosen, let alternatives, let selection) = mock.logEntries().first?.outcome else {
            return XCTFail("not matched")
        }
        XCTAssertEqual(chosen.description, "a code")
        XCTAssertEqual(alternatives.map(\.description), ["no code"])
        XCTAssertEqual(selection, .bestMatch)
    }

    func testTheMostSpecificMatchWinsOverFileOrder() throws {
        let ruledPath = #", "matchingRules": {"path": {"combine": "AND", "matchers": [{"match": "regex", "regex": "/codes/[a-z]+"}]}}"#
        let pact = try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("any code", path: "/codes/xyz", requestExtra: ruledPath, status: 200)),
         \(StandalonePacts.interaction("code abc", path: "/codes/abc", status: 201))]
        """)
        let mock = try StandalonePacts.mock([pact])
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc").status, 201)
        XCTAssertEqual(mock.handle(method: "GET", target: "/codes/def").status, 200)
        guard case .matched(_, let alternatives, _) = mock.logEntries().first?.outcome else { return XCTFail("not matched") }
        XCTAssertEqual(alternatives.map(\.description), ["any code"])
    }

    func testARepeatedRequestIsAnsweredAndRecordedTheSameWay() throws {
        let mock = try StandalonePacts.mock([codePact()])
        for _ in 0..<3 {
            XCTAssertEqual(mock.handle(method: "GET", target: "/codes/abc",
                                       headers: [("X-Pact-Provider-State", "the code does not exist")]).status, 404)
        }
        XCTAssertEqual(mock.logEntries().map(\.sequence), [1, 2, 3])
        XCTAssertEqual(mock.receivedCounts(), [0, 3])
        let uncached = try StandalonePacts.mock([codePact()], options: StandaloneOptions(memoizeMatches: false))
        XCTAssertEqual(uncached.handle(method: "GET", target: "/codes/abc").status, 200)
        XCTAssertEqual(uncached.handle(method: "GET", target: "/codes/abc").status, 200)
        XCTAssertEqual(uncached.receivedCounts(), [2, 0])
    }

    func testRememberedMatchesStillDependOnEveryHeaderMatchingLooksAt() throws {
        let accept = #", "headers": {"Accept": ["application/json"]}"#
        let mock = try StandalonePacts.mock([StandalonePacts.pact(
            "[\(StandalonePacts.interaction("json", path: "/doc", requestExtra: accept, status: 200))]")])
        for id in 1...3 {
            let response = mock.handle(method: "GET", target: "/doc",
                                       headers: [("Accept", "application/json"), ("X-Request-Id", "\(id)")])
            XCTAssertEqual(response.status, 200)
        }
        let xml = mock.handle(method: "GET", target: "/doc", headers: [("accept", "application/xml")])
        XCTAssertEqual(xml.status, 500)
        XCTAssertEqual(xml.header("X-Pact"), "Request-Mismatch")
        XCTAssertEqual(mock.handle(method: "GET", target: "/doc", headers: [("ACCEPT", "application/json")]).status, 200)
        XCTAssertEqual(mock.receivedCounts(), [4])
    }
}
