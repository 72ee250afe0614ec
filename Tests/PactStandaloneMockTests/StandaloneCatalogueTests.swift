import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// Building the catalogue: indexing by method and path (and path patterns), provider collisions, warnings.
final class StandaloneCatalogueTests: XCTestCase {
    private let itemPattern = #", "matchingRules": {"path": {"combine": "AND", "matchers": [{"match": "regex", "regex": "^/items/[0-9]+$"}]}}"#

    func testLargePactsAnswerFromTheIndexWithoutTryingOtherInteractions() throws {
        // 5,000 exact paths and 5,000 interactions sharing one path pattern (differing by provider state).
        var items: [String] = []
        for i in 0..<5000 { items.append(StandalonePacts.interaction("get \(i)", path: "/exact/\(i)", status: 200)) }
        for i in 0..<5000 {
            items.append(StandalonePacts.interaction("item \(i)", states: ["item \(i) exists"], path: "/items/\(i)",
                                                     requestExtra: itemPattern, status: 201))
        }
        let mock = try StandalonePacts.mock([StandalonePacts.pact("[\(items.joined(separator: ","))]")])
        XCTAssertEqual(mock.handle(method: "GET", target: "/exact/4321").status, 200)
        guard case .matched(let exact, let others, _) = mock.logEntries().last?.outcome else { return XCTFail("not matched") }
        XCTAssertEqual(exact.description, "get 4321")
        XCTAssertEqual(others, [])

        XCTAssertEqual(mock.handle(method: "GET", target: "/items/77", headers: [("X-Pact-Provider-State", "item 9 exists")]).status, 201)
        guard case .matched(let ruled, let alternatives, let selection) = mock.logEntries().last?.outcome else {
            return XCTFail("not matched")
        }
        XCTAssertEqual(ruled.description, "item 9")
        XCTAssertEqual(alternatives, [])
        XCTAssertEqual(selection, .header("item 9 exists"))
        // Without the header all 5,000 pattern interactions accept the path and are equally specific: the first in
        // file order answers and the others are alternatives.
        XCTAssertEqual(mock.handle(method: "GET", target: "/items/123").status, 201)
        guard case .matched(let first, let all, _) = mock.logEntries().last?.outcome else { return XCTFail("not matched") }
        XCTAssertEqual(first.description, "item 0")
        XCTAssertEqual(all.count, 4999)
        // A path the pattern rejects is unexpected, and a POST finds nothing either.
        XCTAssertEqual(mock.handle(method: "GET", target: "/items/x1").header("X-Pact"), "Unexpected-Request")
        XCTAssertEqual(mock.handle(method: "POST", target: "/exact/1").header("X-Pact"), "Unexpected-Request")
    }

    func testPathPatternsWithoutALiteralPrefixAreStillFound() throws {
        let anyPath = #", "matchingRules": {"path": {"combine": "OR", "matchers": [{"match": "regex", "regex": "/a/.*"}, {"match": "regex", "regex": "/b/.*"}]}}"#
        let typed = #", "matchingRules": {"path": {"combine": "AND", "matchers": [{"match": "type"}]}}"#
        let mock = try StandalonePacts.mock([StandalonePacts.pact("""
        [\(StandalonePacts.interaction("a or b", path: "/a/1", requestExtra: anyPath, status: 201)),
         \(StandalonePacts.interaction("anything", method: "DELETE", path: "/x", requestExtra: typed, status: 204))]
        """)])
        XCTAssertEqual(mock.handle(method: "GET", target: "/b/zz").status, 201)
        XCTAssertEqual(mock.handle(method: "GET", target: "/c/zz").status, 500)
        XCTAssertEqual(mock.handle(method: "DELETE", target: "/whatever/else").status, 204)
    }

    func testPathPatternsWithOptionalOrEscapedLeadingCharactersMatchEveryPathTheyAccept() throws {
        func rule(_ regex: String) -> String {
            #", "matchingRules": {"path": {"combine": "AND", "matchers": [{"match": "regex", "regex": "\#(regex)"}]}}"#
        }
        let mock = try StandalonePacts.mock([StandalonePacts.pact("""
        [\(StandalonePacts.interaction("optional s", path: "/items/1", requestExtra: rule("^/items?/[0-9]+$"), status: 201)),
         \(StandalonePacts.interaction("escaped", path: "/v1.2/x", requestExtra: rule("/v1\\\\.2/[a-z]+"), status: 202)),
         \(StandalonePacts.interaction("case-insensitive", path: "/ABC", requestExtra: rule("(?i)/abc"), status: 203))]
        """)])
        XCTAssertEqual(mock.handle(method: "GET", target: "/item/7").status, 201)
        XCTAssertEqual(mock.handle(method: "GET", target: "/items/7").status, 201)
        XCTAssertEqual(mock.handle(method: "GET", target: "/v1.2/abc").status, 202)
        XCTAssertEqual(mock.handle(method: "GET", target: "/v1x2/abc").status, 500)
        XCTAssertEqual(mock.handle(method: "GET", target: "/aBc").status, 203)
    }

    func testInteractionsOfDifferentProvidersThatCanAnswerTheSameRequestAreRefused() throws {
        let orders = try StandalonePacts.pact("[\(StandalonePacts.interaction("list orders", path: "/orders"))]",
                                              file: "pacts/app-orders.json", provider: "orders")
        let billing = try StandalonePacts.pact("[\(StandalonePacts.interaction("orders to bill", path: "/orders"))]",
                                               file: "pacts/app-billing.json", provider: "billing")
        XCTAssertThrowsError(try PactCatalogue.build([orders, billing])) { error in
            guard case .collision(let collision) = error as? StandaloneLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(collision.first.description, "list orders")
            XCTAssertEqual(collision.second.provider, "billing")
            let text = "\(error)"
            XCTAssertTrue(text.contains("pacts/app-orders.json") && text.contains("pacts/app-billing.json"), text)
            XCTAssertTrue(text.contains("own process"), text)
        }
        // A pattern on one side that accepts the other's path collides too.
        let patterned = try StandalonePacts.pact(
            "[\(StandalonePacts.interaction("an item", path: "/items/1", requestExtra: itemPattern))]", provider: "items")
        let fixed = try StandalonePacts.pact("[\(StandalonePacts.interaction("item 7", path: "/items/7"))]",
                                             file: "pacts/other.json", provider: "other")
        XCTAssertThrowsError(try PactCatalogue.build([patterned, fixed]))
    }

    func testProvidersWhoseRequestsCannotMeetShareAPort() throws {
        let json = #", "headers": {"Accept": ["application/json"]}"#
        let xml = #", "headers": {"Accept": ["application/xml"]}"#
        let a = try StandalonePacts.pact("[\(StandalonePacts.interaction("json", path: "/doc", requestExtra: json, status: 200))]",
                                         file: "a.json", provider: "json-api")
        let b = try StandalonePacts.pact("[\(StandalonePacts.interaction("xml", path: "/doc", requestExtra: xml, status: 201))]",
                                         file: "b.json", provider: "xml-api")
        let c = try StandalonePacts.pact("[\(StandalonePacts.interaction("other", path: "/other", status: 202))]",
                                         file: "c.json", provider: "other-api")
        let catalogue = try PactCatalogue.build([a, b, c])
        XCTAssertEqual(catalogue.count, 3)
        let mock = StandaloneMock(catalogue: catalogue)
        XCTAssertEqual(mock.handle(method: "GET", target: "/doc", headers: [("Accept", "application/xml")]).status, 201)
        XCTAssertEqual(mock.handle(method: "GET", target: "/doc", headers: [("Accept", "application/json")]).status, 200)
        // Two consumers of one provider may overlap: that is the same API.
        let again = try StandalonePacts.pact("[\(StandalonePacts.interaction("json too", path: "/doc", requestExtra: json))]",
                                             file: "d.json", consumer: "web", provider: "json-api")
        XCTAssertEqual(try PactCatalogue.build([a, again]).count, 2)
    }

    func testWarningsNameUnreachableInteractionsAndSkippedMessages() throws {
        let document = """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [
          \(StandalonePacts.interaction("admin clash", path: "/__pactkit/health")),
          {"type": "Asynchronous/Messages", "description": "an event", "contents": {"content": {"a": 1}}}],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
        let pact = try ServedPact.read(data: Data(document.utf8), file: "mixed.json")
        let catalogue = try PactCatalogue.build([pact])
        XCTAssertEqual(catalogue.count, 1)
        XCTAssertEqual(catalogue.pacts.first?.skippedMessages, 1)
        XCTAssertTrue(catalogue.warnings.contains { $0.contains("mixed.json") && $0.contains("reserved path prefix") }, "\(catalogue.warnings)")
        XCTAssertTrue(catalogue.warnings.contains { $0.contains("1 message interaction(s) skipped ('an event')") },
                      "\(catalogue.warnings)")
    }

    func testAnInvalidDefaultStatePatternIsReported() {
        XCTAssertThrowsError(try ProviderStatePattern("(unclosed")) { error in
            XCTAssertTrue("\(error)".contains("(unclosed"), "\(error)")
        }
    }
}
