import Foundation
import PactModel
@testable import PactMockServer
import XCTest

/// The one matching engine under its two selection policies: the same interactions and request, chosen by declared
/// order and what was received (in-process) or by provider state and specificity (standalone).
final class SelectionPolicyTests: XCTestCase {
    /// Two interactions that both accept `GET /items?page=1`: a loose one declared first, an exact one second.
    private func twoMatching() throws -> [HTTPInteraction] {
        try interactions("""
        [{"type": "Synchronous/HTTP", "description": "any page", "providerStates": [{"name": "many items"}],
          "request": {"method": "GET", "path": "/items", "query": {"page": ["7"]},
                      "matchingRules": {"query": {"page": {"combine": "AND", "matchers": [{"match": "integer"}]}}}},
          "response": {"status": 200}},
         {"type": "Synchronous/HTTP", "description": "page one", "providerStates": [{"name": "one item"}],
          "request": {"method": "GET", "path": "/items", "query": {"page": ["1"]}},
          "response": {"status": 200}}]
        """)
    }

    private let request = PactRequest(method: "GET", path: "/items", query: [QueryParameter(name: "page", values: ["1"])],
                                      rawQuery: "page=1")

    func testDeclaredOrderPicksTheFirstNotYetReceived() throws {
        let engine = MatchingEngine(try twoMatching(), version: { _ in .v4 }, policy: .declaredOrderNotYetReceived)
        guard case .fullMatches(let matches) = engine.evaluate(request) else { return XCTFail("no full match") }
        XCTAssertEqual(matches, [0, 1])
        guard case .matched(let first, _, _) = engine.select(among: matches, isReceived: { _ in false }),
              case .matched(let second, _, _) = engine.select(among: matches, isReceived: { $0 == 0 }),
              case .matched(let third, _, _) = engine.select(among: matches, isReceived: { _ in true })
        else { return XCTFail("not matched") }
        XCTAssertEqual([first, second, third], [0, 1, 0])
    }

    func testProviderStateThenSpecificity() throws {
        let engine = MatchingEngine(try twoMatching(), version: { _ in .v4 }, policy: .providerStateThenSpecificity)
        guard case .matched(let specific, let alternatives, let selection) = engine.outcome(
            request, requestedState: nil, stateHeader: "X-Pact-Provider-State")
        else { return XCTFail("not matched") }
        XCTAssertEqual(specific, 1, "the exact query is more specific than the integer rule")
        XCTAssertEqual(alternatives, [0])
        XCTAssertEqual(selection, .bestMatch)

        guard case .matched(let byHeader, _, .header("many items")) = engine.outcome(
            request, requestedState: "many items", stateHeader: "X-Pact-Provider-State")
        else { return XCTFail("the header's state did not win") }
        XCTAssertEqual(byHeader, 0)

        guard case .mismatched(_, let mismatches) = engine.outcome(
            request, requestedState: "no items", stateHeader: "X-Pact-Provider-State")
        else { return XCTFail("an unknown state matched") }
        XCTAssertEqual(mismatches.map(\.path), ["X-Pact-Provider-State"])
    }

    func testPreferredStateWinsTiesUnderTheStandalonePolicy() throws {
        let engine = MatchingEngine(try twoMatching(), version: { _ in .v4 }, policy: .providerStateThenSpecificity,
                                    preferredState: try ProviderStatePattern("many.*"))
        guard case .matched(let chosen, _, .defaultState) = engine.outcome(request, requestedState: nil, stateHeader: "")
        else { return XCTFail("the preferred state did not win") }
        XCTAssertEqual(chosen, 0)
    }

    func testUnexpectedRequestsNameTheNearestInteraction() throws {
        let engine = MatchingEngine(try twoMatching(), version: { _ in .v4 }, policy: .declaredOrderNotYetReceived)
        guard case .unexpected(let closest, _) = engine.evaluate(PactRequest(method: "DELETE", path: "/items/3"))
        else { return XCTFail("expected unexpected") }
        XCTAssertEqual(closest, 0)
    }
}
