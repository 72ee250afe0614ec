import PactModel

/// Maps and lists: key sets, lengths, and the collection rules (min/max, values, eachKey, eachValue, arrayContains).
extension JSONWalker {
    mutating func compareMaps(
        _ expected: JSONObject, _ actual: JSONObject, _ expectedValue: JSONValue, _ actualValue: JSONValue
    ) {
        if expected.isEmpty && !allowUnexpectedKeys && !actual.isEmpty {
            report(expectedValue, actualValue) { "Expected an empty Map but received \(JSONWriter.compact(actualValue))" }
            return
        }
        if states.isPlainCollection(state, count: actual.count) {
            compareMembers(expected, actual, checkingKeys: true)
            return
        }
        guard let selection = states.selection(state), !selection.rules.isOnlyEquality else {
            compareMembers(expected, actual, checkingKeys: true)
            return
        }
        let direct = !selection.cascaded
        collectionChecks(selection, expectedValue, actualValue)
        if direct, let valuesRule = selection.rules.rules.first(where: \.isValuesRule) {
            compareValuesOfMap(valuesRule, expected, actual)
            return
        }
        let eachKeyRules = direct ? selection.rules.rules.compactMap(\.eachKeyRules) : []
        for rules in eachKeyRules { checkKeys(of: actual, with: rules) }
        compareMembers(expected, actual, checkingKeys: eachKeyRules.isEmpty)
    }

    /// Compares the members the expectation names and the actual map has, in key order; with `checkingKeys`, also
    /// the key sets: requests must have exactly the expected keys, responses and messages may have more, never
    /// fewer. The key-set mismatch is reported before the members' ones.
    private mutating func compareMembers(_ expected: JSONObject, _ actual: JSONObject, checkingKeys: Bool) {
        let firstOwnMismatch = mismatches.count
        // Both maps keep their members sorted by key, so one merge-like pass pairs them: no lookups by key, and the
        // members are visited (and their mismatches reported) in key order.
        let expectedMembers = expected.members, actualMembers = actual.members
        var found = 0
        var e = 0, a = 0
        while e < expectedMembers.count && a < actualMembers.count {
            let key = expectedMembers[e].key
            let actualKey = actualMembers[a].key
            if key == actualKey {
                found += 1
                child(.field(key), expectedMembers[e].value, actualMembers[a].value)
                e += 1
                a += 1
            } else if key < actualKey {
                e += 1
            } else {
                a += 1
            }
        }
        let missing = found < expected.count
        guard checkingKeys, missing || (!allowUnexpectedKeys && expected.count != actual.count) else { return }
        failed = true
        if stopAtFirst { return }
        let message: String
        if allowUnexpectedKeys {
            let absent = expected.keys.filter { actual[$0] == nil }.sorted()
            message = "Actual map is missing the following keys: \(absent.joined(separator: ", "))"
        } else {
            message = "Expected a Map with keys [\(expected.keys.sorted().joined(separator: ", "))] "
                + "but received one with keys [\(actual.keys.sorted().joined(separator: ", "))]"
        }
        let mismatch = Mismatch(kind: .body, path: PathExpression.text(for: path), expected: JSONWriter.compact(.object(expected)),
                                actual: JSONWriter.compact(.object(actual)), message: message)
        mismatches.insert(mismatch, at: firstOwnMismatch)
    }

    /// `values` / `eachValue`: keys are free; each actual member is compared with the expected member of the same
    /// key, or with the first expected member.
    private mutating func compareValuesOfMap(_ rule: MatchingRule, _ expected: JSONObject, _ actual: JSONObject) {
        guard let firstKey = expected.keys.min(), let example = expected[firstKey] else { return }
        let members = { (walker: inout JSONWalker) in
            for key in actual.keys.sorted() {
                guard let actualMember = actual[key] else { continue }
                walker.child(.field(key), expected[key] ?? example, actualMember)
            }
        }
        if case .eachValue(let rules, _) = rule {
            withSelector(selector.adding(rules, forMembersOf: path), members)
        } else {
            members(&self)
        }
    }

    /// `eachKey`: the rules apply to every actual key.
    private mutating func checkKeys(of actual: JSONObject, with rules: [MatchingRule]) {
        for key in actual.keys.sorted() {
            let failures = ValueMatcher.match(RuleList(rules), expected: .string(key), actual: .string(key), origin: .key)
            guard !failures.isEmpty else { continue }
            path.append(.field(key))
            for failure in failures { report(nil, .string(key)) { failure } }
            path.removeLast()
        }
    }

    mutating func compareLists(
        _ expected: [JSONValue], _ actual: [JSONValue], _ expectedValue: JSONValue, _ actualValue: JSONValue
    ) {
        if states.isPlainCollection(state, count: actual.count) {
            compareItems(expected, actual)
            return
        }
        guard let selection = states.selection(state), !selection.rules.isOnlyEquality else {
            compareListsExactly(expected, actual, expectedValue, actualValue)
            return
        }
        let direct = !selection.cascaded
        collectionChecks(selection, expectedValue, actualValue)
        if direct, let variants = selection.rules.rules.lazy.compactMap(\.arrayContainsVariants).first {
            findVariants(variants, expected, actual, actualValue)
            return
        }
        if direct, let rules = selection.rules.rules.lazy.compactMap(\.eachValueRules).first {
            withSelector(selector.adding(rules, forMembersOf: path)) { $0.compareItems(expected, actual) }
        } else {
            compareItems(expected, actual)
        }
    }

    /// Rules govern the length, so each actual item is compared with the expected item at its index, and items past
    /// the end of the expectation with its first item (pact-reference pads the expected list the same way). Nothing
    /// is compared when the expectation is empty.
    private mutating func compareItems(_ expected: [JSONValue], _ actual: [JSONValue]) {
        guard let example = expected.first else { return }
        for index in actual.indices {
            child(.index(index), index < expected.count ? expected[index] : example, actual[index])
        }
    }

    /// Without rules lists must have the same length and order.
    private mutating func compareListsExactly(
        _ expected: [JSONValue], _ actual: [JSONValue], _ expectedValue: JSONValue, _ actualValue: JSONValue
    ) {
        if expected.isEmpty && !actual.isEmpty {
            report(expectedValue, actualValue) { "Expected an empty List but received \(JSONWriter.compact(actualValue))" }
            return
        }
        for index in 0..<min(expected.count, actual.count) {
            child(.index(index), expected[index], actual[index])
        }
        if actual.count < expected.count {
            for index in actual.count..<expected.count {
                // Two statements: `child(of:)` adds the state that `hasRules` then reads.
                let itemState = states.child(of: state, .index(index))
                guard !states.hasRules(itemState) else { continue }
                // pact-reference reports a missing item at the list's path, the item as JSON text (strings bare).
                report(expected[index], nil) { "Expected \(ValueText.matchable(expected[index])) but was missing" }
            }
        }
        if expected.count != actual.count {
            report(expectedValue, actualValue) {
                "Expected a List with \(expected.count) elements but received \(actual.count) elements"
            }
        }
    }

    /// `arrayContains`: every variant must match some actual item, in any order. A variant's rules are relative to
    /// the item (`$.name`).
    private mutating func findVariants(
        _ variants: [ArrayContainsVariant], _ expected: [JSONValue], _ actual: [JSONValue], _ actualValue: JSONValue
    ) {
        let all = variants.isEmpty ? expected.indices.map { ArrayContainsVariant(index: $0) } : variants
        for variant in all {
            guard variant.index < expected.count else {
                report(.array(expected), actualValue) {
                    "ArrayContains: variant \(variant.index) is missing from the expected list, which has \(expected.count) items"
                }
                continue
            }
            let item = expected[variant.index]
            let variantRules = RuleSelector(variant.rules)
            let found = actual.contains { candidate in
                var probe = JSONWalker(selector: variantRules, allowUnexpectedKeys: allowUnexpectedKeys, stopAtFirst: true)
                probe.compare(item, candidate)
                return !probe.failed
            }
            if !found {
                report(item, actualValue) {
                    "Variant at index \(variant.index) (\(JSONWriter.compact(item))) was not found in the actual list"
                }
            }
        }
    }

    /// The checks a rule makes on a list or map itself: its size (only where the rule names it) and emptiness.
    ///
    /// The size is the actual one whatever the example's: the spec file V2 `request/body/array size less than
    /// required` (one animal, `min` 2) must fail. pact-reference's copy gives the example two animals instead.
    private mutating func collectionChecks(_ selection: RuleSelector.Selection, _ expected: JSONValue, _ actual: JSONValue) {
        var failures: [String] = []
        var anyPassed = false
        for rule in selection.rules.rules {
            let failure: String?
            switch rule {
            case .minType, .maxType, .minMaxType, .notEmpty:
                failure = ValueMatcher.check(rule, expected: expected, actual: actual, origin: .body, cascaded: selection.cascaded)
            default:
                failure = nil
            }
            if let failure { failures.append(failure) } else { anyPassed = true }
        }
        if selection.rules.logic == .or && anyPassed { return }
        for failure in failures { report(expected, actual) { failure } }
    }
}

extension MatchingRule {
    /// `values` and `eachValue`: map keys are not checked, members are compared with the example.
    var isValuesRule: Bool {
        switch self {
        case .values, .eachValue: true
        default: false
        }
    }

    var eachKeyRules: [MatchingRule]? {
        if case .eachKey(let rules, _) = self { return rules }
        return nil
    }

    var eachValueRules: [MatchingRule]? {
        if case .eachValue(let rules, _) = self { return rules }
        return nil
    }

    var arrayContainsVariants: [ArrayContainsVariant]? {
        if case .arrayContains(let variants) = self { return variants }
        return nil
    }
}

extension RuleSelector {
    /// This selector plus `rules` for every member of the node at `path` (an `eachValue` rule's inner rules).
    ///
    /// pact-reference replaces all rules below the node with these; here they are added, so a heavier rule on a
    /// member (`$.a.*.name`) still wins, which is what the weights promise.
    func adding(_ rules: [MatchingRule], forMembersOf path: [PathExpression.Segment]) -> RuleSelector {
        var tokens: [PathExpression.Token] = [.root]
        for segment in path {
            switch segment {
            case .field(let name): tokens.append(.field(name))
            case .index(let index): tokens.append(.index(index))
            }
        }
        tokens.append(.anyField)
        let expression = PathExpression(tokens: tokens, text: PathExpression.text(for: path) + ".*")
        return RuleSelector(entries: entries + [(expression, RuleList(rules))])
    }
}
