import PactMatching
import PactModel
import XCTest

final class JSONBodyMatchingTests: XCTestCase {
    private func match(
        _ expected: JSONValue, _ actual: JSONValue, rules: [String: [MatchingRule]] = [:], request: Bool = false
    ) -> [Mismatch] {
        JSONBodyMatcher.match(expected: expected, actual: actual, rules: RuleSelector(rules.mapValues { RuleList($0) }),
                              allowUnexpectedKeys: !request)
    }

    private func messages(_ mismatches: [Mismatch]) -> [String] {
        mismatches.map { "\($0.path): \($0.message)" }
    }

    // MARK: Maps

    func testRequestsRejectUnexpectedAndMissingKeys() {
        let extra = match(["a": 1], ["a": 1, "b": nil], request: true)
        XCTAssertEqual(messages(extra), ["$: Expected a Map with keys [a] but received one with keys [a, b]"])
        let missing = match(["one": "a", "two": "b"], ["one": "a"], request: true)
        XCTAssertEqual(messages(missing), ["$: Expected a Map with keys [one, two] but received one with keys [one]"])
        XCTAssertEqual(missing.first?.expected, #"{"one":"a","two":"b"}"#)
        XCTAssertEqual(missing.first?.actual, #"{"one":"a"}"#)
    }

    func testResponsesAllowUnexpectedKeysButNotMissingOnes() {
        XCTAssertEqual(match(["a": ["b": 1]], ["a": ["b": 1, "c": nil], "d": 2]), [])
        XCTAssertEqual(messages(match(["a": 1, "b": 2, "c": 3], ["b": 2])),
                       ["$: Actual map is missing the following keys: a, c"])
    }

    func testEmptyExpectedMapInARequest() {
        XCTAssertEqual(messages(match([:], ["a": 1], request: true)), [#"$: Expected an empty Map but received {"a":1}"#])
        XCTAssertEqual(match([:], ["a": 1]), [])
    }

    func testValueDifferenceNamesThePath() {
        let mismatches = match(["one": "a", "two": "b"], ["one": "a", "two": "c"])
        XCTAssertEqual(mismatches, [Mismatch(kind: .body, path: "$.two", expected: "\"b\"", actual: "\"c\"",
                                             message: "Expected 'c' (String) to be equal to 'b' (String)")])
    }

    func testPathsQuoteUnusualNames() {
        let mismatches = match(["a.b": ["x y": 1]], ["a.b": ["x y": 2]])
        XCTAssertEqual(mismatches.map(\.path), ["$['a.b']['x y']"])
    }

    func testTypeMismatchBetweenContainers() {
        XCTAssertEqual(messages(match(["a": [1]], ["a": ["x": 1]])),
                       [#"$.a: Type mismatch: Expected {"x":1} (Object) to be the same type as [1] (Array)"#])
        XCTAssertEqual(messages(match(["a": ["x": 1]], ["a": "x"])),
                       ["$.a: Type mismatch: Expected 'x' (String) to be the same type as {\"x\":1} (Object)"])
    }

    // MARK: Lists

    func testListsNeedSameLengthAndOrderWithoutRules() {
        XCTAssertEqual(match(["c": ["red", "blue"]], ["c": ["red", "blue"]]), [])
        XCTAssertEqual(messages(match(["c": ["red", "blue"]], ["c": ["blue", "red"]])), [
            "$.c[0]: Expected 'blue' (String) to be equal to 'red' (String)",
            "$.c[1]: Expected 'red' (String) to be equal to 'blue' (String)",
        ])
        XCTAssertEqual(messages(match(["c": ["red", "blue"]], ["c": ["red"]])), [
            "$.c: Expected blue but was missing",
            "$.c: Expected a List with 2 elements but received 1 elements",
        ])
        XCTAssertEqual(messages(match(["c": ["red"]], ["c": ["red", nil]])),
                       ["$.c: Expected a List with 1 elements but received 2 elements"])
        XCTAssertEqual(messages(match(["c": []], ["c": [1]])), ["$.c: Expected an empty List but received [1]"])
    }

    func testTypeRuleOnListAllowsAnyLengthAndComparesItemsWithTheExample() {
        let rules: [String: [MatchingRule]] = ["$.dates": [.type], "$.dates[*]": [.type]]
        XCTAssertEqual(match(["dates": [10]], ["dates": [20, 5, 1910]], rules: rules), [])
        XCTAssertEqual(messages(match(["dates": [10]], ["dates": [20, "x"]], rules: rules)),
                       ["$.dates[1]: Expected 'x' (String) to be the same type as 10 (Integer)"])
        XCTAssertEqual(match(["dates": [1, 2, 3]], ["dates": [4]], rules: rules), [], "no missing items under a type rule")
    }

    func testMinRuleChecksSizeAndCascadesTypeMatching() {
        let rules: [String: [MatchingRule]] = ["$.animals": [.minType(1)], "$.animals[*].*": [.type]]
        XCTAssertEqual(match(["animals": [["name": "Fred"]]], ["animals": [["name": "Mary"], ["name": "Susan"]]], rules: rules), [])
        XCTAssertEqual(messages(match(["animals": [["name": "Fred"]]], ["animals": []], rules: rules)),
                       ["$.animals: Expected [] (size 0) to have minimum size of 1"])
        XCTAssertEqual(messages(match(["animals": [["name": "Fred"]]], ["animals": [["name": "Mary"], ["name": 1]]], rules: rules)),
                       ["$.animals[1].name: Expected 1 (Integer) to be the same type as 'Fred' (String)"])
    }

    func testItemsAreComparedWithTheExampleAtTheirIndexFirst() {
        let rules: [String: [MatchingRule]] = ["$": [.minType(1)]]
        XCTAssertEqual(match([1, "a"], [2, "b", 3], rules: rules), [])
        XCTAssertEqual(messages(match([1, "a"], [2, 3], rules: rules)),
                       ["$[1]: Expected 3 (Integer) to be the same type as 'a' (String)"])
    }

    func testSizeRulesDoNotApplyToNestedListsThroughCascading() {
        let rules: [String: [MatchingRule]] = ["$.a": [.minType(2)]]
        XCTAssertEqual(match(["a": [[1], [2]]], ["a": [[1, 1], []]], rules: rules), [])
    }

    func testEqualityResetsCascadingTypeRules() {
        let rules: [String: [MatchingRule]] = ["$.a": [.type], "$.a.id": [.equality]]
        XCTAssertEqual(match(["a": ["id": 1, "name": "x"]], ["a": ["id": 1, "name": "y"]], rules: rules), [])
        XCTAssertEqual(messages(match(["a": ["id": 1, "name": "x"]], ["a": ["id": 2, "name": "y"]], rules: rules)),
                       ["$.a.id: Expected 2 (Integer) to be equal to 1 (Integer)"])
    }

    func testHeavierPathWins() {
        let rules: [String: [MatchingRule]] = ["$.item.level[*].id": [.type], "$.item.level[1].id": [.regex("\\d+")]]
        let expected: JSONValue = ["item": ["level": [["id": 1], ["id": 2]]]]
        XCTAssertEqual(match(expected, ["item": ["level": [["id": 7], ["id": 9]]]], rules: rules), [])
        XCTAssertEqual(messages(match(expected, ["item": ["level": [["id": 7], ["id": "x"]]]], rules: rules)),
                       ["$.item.level[1].id: Expected 'x' to match '\\d+'"])
    }

    // MARK: Collection rules

    func testValuesIgnoresKeysAndComparesEachMemberWithTheExample() {
        let rules: [String: [MatchingRule]] = ["$.byId": [.values], "$.byId.*": [.type]]
        XCTAssertEqual(match(["byId": ["1": ["n": "a"]]], ["byId": ["7": ["n": "b"], "8": ["n": "c"]]], rules: rules, request: true), [])
        XCTAssertEqual(messages(match(["byId": ["1": ["n": "a"]]], ["byId": ["7": ["n": 3]]], rules: rules)),
                       ["$.byId[7].n: Expected 3 (Integer) to be the same type as 'a' (String)"])
        XCTAssertEqual(messages(match(["byId": ["1": ["n": "a"]]], ["byId": ["7": ["n": "b", "m": 1]]], rules: rules, request: true)),
                       ["$.byId[7]: Expected a Map with keys [n] but received one with keys [m, n]"],
                       "members are still matched as request bodies")
    }

    func testEachKeyChecksEveryKey() {
        let rules: [String: [MatchingRule]] = ["$": [.eachKey(rules: [.regex("[a-z]+")], example: nil)], "$.*": [.type]]
        XCTAssertEqual(match(["one": "x"], ["abc": "y", "def": "z"], rules: rules, request: true), [])
        let mismatches = match(["one": "x"], ["abc": "y", "DEF": "z"], rules: rules, request: true)
        XCTAssertEqual(messages(mismatches), ["$.DEF: Expected 'DEF' to match '[a-z]+'"])
    }

    func testEachValueAppliesItsRulesToEveryMember() {
        let rules: [String: [MatchingRule]] = ["$.tags": [.eachValue(rules: [.regex("[a-z]+")], example: nil)]]
        XCTAssertEqual(match(["tags": ["a"]], ["tags": ["x", "yz"]], rules: rules), [])
        XCTAssertEqual(messages(match(["tags": ["a"]], ["tags": ["x", "Y1"]], rules: rules)),
                       ["$.tags[1]: Expected 'Y1' to match '[a-z]+'"])
        XCTAssertEqual(messages(match(["m": ["k": "a"]], ["m": ["p": "b", "q": "C"]],
                                      rules: ["$.m": [.eachValue(rules: [.regex("[a-z]")], example: nil)]])),
                       ["$.m.q: Expected 'C' to match '[a-z]'"])
    }

    func testArrayContainsFindsVariantsInAnyOrder() {
        let variants = [
            ArrayContainsVariant(index: 0, rules: ["$.id": RuleList([.integer])]),
            ArrayContainsVariant(index: 1),
        ]
        let rules: [String: [MatchingRule]] = ["$.list": [.arrayContains(variants)]]
        let expected: JSONValue = ["list": [["id": 1], ["name": "b"]]]
        XCTAssertEqual(match(expected, ["list": [["name": "b"], "other", ["id": 99]]], rules: rules), [])
        let mismatches = match(expected, ["list": [["id": 99], ["name": "c"]]], rules: rules)
        XCTAssertEqual(messages(mismatches), [#"$.list: Variant at index 1 ({"name":"b"}) was not found in the actual list"#])
    }

    func testArrayContainsWithoutVariantsLooksForEveryExpectedItem() {
        let rules: [String: [MatchingRule]] = ["$": [.arrayContains([])]]
        XCTAssertEqual(match([1, 2], [3, 2, 1], rules: rules), [])
        XCTAssertEqual(messages(match([1, 2], [3, 1], rules: rules)), ["$: Variant at index 1 (2) was not found in the actual list"])
    }

    func testNotEmptyOnAList() {
        let rules: [String: [MatchingRule]] = ["$.a": [.notEmpty]]
        XCTAssertEqual(match(["a": [1]], ["a": [5, 6]], rules: rules), [])
        XCTAssertEqual(messages(match(["a": [1]], ["a": []], rules: rules)), ["$.a: Expected [] (Array) to not be empty"])
    }

    func testLargeBodiesReportTheOneDeepDifference() {
        func body(changing changed: Int?) -> JSONValue {
            let items: [JSONValue] = (0..<2000).map { index in
                ["id": .int(index), "tags": ["a", "b"], "nested": ["y": .string(index == changed ? "changed" : "same")]]
            }
            return ["items": .array(items), "count": 2000]
        }
        // A rule on the list itself would cascade type matching to every item, so only the ids have one.
        let rules: [String: [MatchingRule]] = ["$.items[*].id": [.integer], "$.count": [.type]]
        XCTAssertEqual(match(body(changing: nil), body(changing: nil), rules: rules, request: true), [])
        let mismatches = match(body(changing: nil), body(changing: 1234), rules: rules, request: true)
        XCTAssertEqual(messages(mismatches), ["$.items[1234].nested.y: Expected 'changed' (String) to be equal to 'same' (String)"])
    }

    func testMismatchesOfAMapComeInKeyOrder() {
        let mismatches = match(["d": 1, "b": 1, "c": 1, "a": 1], ["d": 2, "b": 2, "c": 2, "a": 2, "e": 0], request: true)
        XCTAssertEqual(mismatches.map(\.path), ["$", "$.a", "$.b", "$.c", "$.d"])
    }

    func testMembersArePairedByKeyWhenEachMapHasKeysTheOtherLacks() {
        // Keys missing on either side sit between the shared ones; only the shared ones are compared, in key order.
        let expected: JSONValue = ["b": 1, "d": ["x": 1, "z": 1], "f": 1, "h": 1, "k": 1]
        let actual: JSONValue = ["a": 0, "c": 0, "d": ["x": 2, "y": 0, "z": 2], "e": 0, "h": 2, "z": 0]
        XCTAssertEqual(messages(match(expected, actual)), [
            "$: Actual map is missing the following keys: b, f, k",
            "$.d.x: Expected 2 (Integer) to be equal to 1 (Integer)",
            "$.d.z: Expected 2 (Integer) to be equal to 1 (Integer)",
            "$.h: Expected 2 (Integer) to be equal to 1 (Integer)",
        ])
        // The same with the larger map on the other side.
        XCTAssertEqual(messages(match(actual, expected)), [
            "$: Actual map is missing the following keys: a, c, e, z",
            "$.d: Actual map is missing the following keys: y",
            "$.d.x: Expected 1 (Integer) to be equal to 2 (Integer)",
            "$.d.z: Expected 1 (Integer) to be equal to 2 (Integer)",
            "$.h: Expected 1 (Integer) to be equal to 2 (Integer)",
        ])
    }

    func testOrLogicOnAValue() {
        let selector = RuleSelector(["$.a": RuleList([.regex("\\d+"), .null], logic: .or)])
        XCTAssertEqual(JSONBodyMatcher.match(expected: ["a": "1"], actual: ["a": nil], rules: selector, allowUnexpectedKeys: true), [])
        XCTAssertEqual(JSONBodyMatcher.match(expected: ["a": "1"], actual: ["a": "x"], rules: selector, allowUnexpectedKeys: true).count, 2)
    }
}
