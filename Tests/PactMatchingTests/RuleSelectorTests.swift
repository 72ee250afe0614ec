import PactMatching
import PactModel
import XCTest

final class RuleSelectorTests: XCTestCase {
    private func selector(_ keys: [String]) -> RuleSelector {
        // Each key gets a distinct include rule, so the winner can be told apart.
        RuleSelector(Dictionary(uniqueKeysWithValues: keys.map { ($0, RuleList([.include($0)])) }))
    }

    private func winner(_ selector: RuleSelector, _ path: [PathExpression.Segment]) -> String? {
        guard case .include(let key)? = selector.selection(for: path)?.rules.rules.first else { return nil }
        return key
    }

    func testHeaviestExpressionWins() {
        let rules = selector(["$.item1.level[*].id", "$.item1.level[1].id", "$.item1"])
        XCTAssertEqual(winner(rules, [.field("item1"), .field("level"), .index(1), .field("id")]), "$.item1.level[1].id")
        XCTAssertEqual(winner(rules, [.field("item1"), .field("level"), .index(0), .field("id")]), "$.item1.level[*].id")
        XCTAssertEqual(winner(rules, [.field("item1"), .field("other")]), "$.item1")
        XCTAssertNil(winner(rules, [.field("item2")]))
    }

    func testEqualWeightsPreferTheLongerExpression() {
        let rules = selector(["$.animals", "$.animals[*].*"])
        XCTAssertEqual(winner(rules, [.field("animals"), .index(0), .field("name")]), "$.animals[*].*")
        XCTAssertEqual(winner(rules, [.field("animals")]), "$.animals")
    }

    func testCascadedSaysWhetherTheExpressionNamesAnAncestor() {
        let rules = selector(["$.a"])
        XCTAssertEqual(rules.selection(for: [.field("a")])?.cascaded, false)
        XCTAssertEqual(rules.selection(for: [.field("a"), .index(3)])?.cascaded, true)
        XCTAssertNotNil(rules.exactRules(for: [.field("a")]))
        XCTAssertNil(rules.exactRules(for: [.field("a"), .index(3)]))
        XCTAssertTrue(rules.hasRules(for: [.field("a"), .index(3)]))
        XCTAssertFalse(rules.hasRules(for: [.field("b")]))
    }

    func testStarMatchesFieldsAndIndicesButIndexStarOnlyIndices() {
        let rules = selector(["$.list.*", "$.map[*]"])
        XCTAssertEqual(winner(rules, [.field("list"), .index(2)]), "$.list.*")
        XCTAssertEqual(winner(rules, [.field("list"), .field("x")]), "$.list.*")
        XCTAssertEqual(winner(rules, [.field("map"), .index(0)]), "$.map[*]")
        XCTAssertNil(winner(rules, [.field("map"), .field("x")]))
    }

    func testCursorsAgreeWithPathLookups() {
        let rules = selector(["$", "$.a", "$.a[*].b", "$.a[1].b", "$.*.c", "$['x.y']"])
        let paths: [[PathExpression.Segment]] = [
            [], [.field("a")], [.field("a"), .index(0)], [.field("a"), .index(1), .field("b")],
            [.field("a"), .index(0), .field("b"), .field("z")], [.field("q"), .field("c")], [.field("x.y")],
        ]
        for path in paths {
            var cursor = rules.rootCursor()
            for segment in path { cursor = rules.child(of: cursor, segment) }
            XCTAssertEqual(rules.selection(at: cursor), rules.selection(for: path), "\(path)")
            XCTAssertEqual(rules.hasRules(at: cursor), rules.hasRules(for: path), "\(path)")
            XCTAssertEqual(rules.selection(at: rules.cursor(for: path)), rules.selection(for: path), "\(path)")
        }
    }

    func testEmptyRuleListsAndBadKeysAreSkipped() {
        let rules = RuleSelector(["$.a": RuleList([]), "$[": RuleList([.type])])
        XCTAssertTrue(rules.isEmpty)
        XCTAssertNil(rules.selection(for: [.field("a")]))
    }
}
