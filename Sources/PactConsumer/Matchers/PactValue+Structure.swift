import PactMatching
import PactModel

extension PactValue {
    /// Matches any value of the same JSON type as `example` (objects and lists: the same shape, any values).
    public static func like(
        _ example: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("like", rules: [.type], example: example, since: .v2,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Same as `like`: matches by type.
    public static func type(
        _ example: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("type", rules: [.type], example: example, since: .v2,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A list whose items are all like `element`, with at least `min` and at most `max` items. The example list has
    /// `count` copies of `element` (default: `min`, at least one).
    public static func eachLike(
        _ element: PactValue, min: Int = 1, max: Int? = nil, count: Int? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return sizedList("eachLike", element, min: min, max: max, count: count, at: location)
    }

    /// A non-empty list whose items are all like `element`; the example has `count` copies.
    public static func atLeastOneLike(
        _ element: PactValue, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return sizedList("atLeastOneLike", element, min: 1, max: nil, count: count, at: location)
    }

    /// A list of at most `max` items all like `element`; the example has `count` copies.
    public static func atMostLike(
        _ element: PactValue, max: Int, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return sizedList("atMostLike", element, min: nil, max: max, count: count, at: location)
    }

    /// Exactly `value`: stops a surrounding `like` from loosening it to a type match.
    public static func equal(
        _ value: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("equal", rules: [.equality], example: value, since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A value of the same type as `example` that is not empty (no `""`, `[]`, `{}` or `null`). Pact V4.
    public static func notEmpty(
        _ example: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("notEmpty", rules: [.notEmpty], example: example, since: .v4,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            exampleFailure(of: .notEmpty, example.example)
        }
    }

    /// A list containing each of `variants` somewhere, in any order; other items are allowed. Pact V4.
    public static func arrayContaining(
        _ variants: [PactValue],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard !variants.isEmpty else {
            return invalid("arrayContaining", "arrayContaining needs at least one variant", at: location)
        }
        return PactValue(node: .matcher(Matcher(
            name: "arrayContaining", shape: .arrayContaining(variants), generator: nil, minimumVersion: .v4,
            location: location)))
    }

    /// A map whose every key satisfies `keyMatcher` (a string matcher such as `.regex`); `example` is the map served.
    /// Pact V4.
    public static func eachKey(
        _ example: [String: PactValue], matching keyMatcher: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return PactValue(node: .matcher(Matcher(
            name: "eachKey", shape: .eachKey(keyMatcher: keyMatcher, example: example), generator: nil,
            minimumVersion: .v4, location: location)))
    }

    /// A map whose every value satisfies `valueMatcher` (keys are free); `example` is the map served. Pact V4.
    public static func eachValue(
        _ example: [String: PactValue], matching valueMatcher: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard !example.isEmpty else {
            return invalid("eachValue", "eachValue needs a non-empty example map to serve and to check against", at: location)
        }
        return PactValue(node: .matcher(Matcher(
            name: "eachValue", shape: .eachValue(valueMatcher: valueMatcher, example: example), generator: nil,
            minimumVersion: .v4, location: location)))
    }

    private static func sizedList(
        _ name: String, _ element: PactValue, min: Int?, max: Int?, count: Int?, at location: PactSourceLocation
    ) -> PactValue {
        if let min, min < 0 { return invalid(name, "min must not be negative, got \(min)", at: location) }
        if let max, max < 1 { return invalid(name, "max must be at least 1, got \(max)", at: location) }
        if let min, let max, min > max {
            return invalid(name, "min \(min) is greater than max \(max)", at: location)
        }
        let copies = count ?? Swift.max(min ?? 1, 1)
        if copies < 1 {
            return invalid(name, "count must be at least 1 so the example holds an item to match against, got \(copies)",
                           at: location)
        }
        if let min, copies < min {
            return invalid(name, "count \(copies) is below min \(min): the example list must satisfy its own rule", at: location)
        }
        if let max, copies > max {
            return invalid(name, "count \(copies) is above max \(max): the example list must satisfy its own rule", at: location)
        }
        let rule: MatchingRule = switch (min, max) {
        case (let min?, let max?): .minMaxType(min: min, max: max)
        case (let min?, nil): .minType(min)
        case (nil, let max?): .maxType(max)
        case (nil, nil): .type
        }
        return PactValue(node: .matcher(Matcher(
            name: name, shape: .eachLike(element: element, count: copies, rule: rule), generator: nil,
            minimumVersion: .v2, location: location)))
    }

    /// Why `example` does not satisfy `rule`, or nil when it does.
    static func exampleFailure(of rule: MatchingRule, _ example: JSONValue) -> String? {
        ValueMatcher.check(rule, expected: example, actual: example, origin: .body).map {
            "the example \(JSONWriter.compact(example)) does not satisfy its own matcher: \($0)"
        }
    }
}
