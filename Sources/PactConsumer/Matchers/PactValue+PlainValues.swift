import PactModel

/// The matchers again, taking plain Swift values (`String`, `Int`, arrays of them, a `[String: Bool]`…) as their
/// examples, so a value held in a variable needs no `.init(…)`. Literals with matchers inside use the `PactValue`
/// versions.
extension PactValue {
    /// `like(_:)` with a plain example.
    public static func like<Example: PactValueConvertible>(
        _ example: Example,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        like(example.pactValue, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `type(_:)` with a plain example.
    public static func type<Example: PactValueConvertible>(
        _ example: Example,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        type(example.pactValue, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `equal(_:)` with a plain value.
    public static func equal<Example: PactValueConvertible>(
        _ value: Example,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        equal(value.pactValue, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `notEmpty(_:)` with a plain example.
    public static func notEmpty<Example: PactValueConvertible>(
        _ example: Example,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        notEmpty(example.pactValue, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `eachLike(_:min:max:count:)` with a plain element.
    public static func eachLike<Element: PactValueConvertible>(
        _ element: Element, min: Int = 1, max: Int? = nil, count: Int? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        eachLike(element.pactValue, min: min, max: max, count: count,
                 fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `atLeastOneLike(_:count:)` with a plain element.
    public static func atLeastOneLike<Element: PactValueConvertible>(
        _ element: Element, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        atLeastOneLike(element.pactValue, count: count, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `atMostLike(_:max:count:)` with a plain element.
    public static func atMostLike<Element: PactValueConvertible>(
        _ element: Element, max: Int, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        atMostLike(element.pactValue, max: max, count: count,
                   fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `arrayContaining(_:)` with plain variants.
    public static func arrayContaining<Variant: PactValueConvertible>(
        _ variants: [Variant],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        arrayContaining(variants.map(\.pactValue), fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `eachKey(_:matching:)` with a plain example map.
    public static func eachKey<Value: PactValueConvertible>(
        _ example: [String: Value], matching keyMatcher: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        eachKey(example.mapValues(\.pactValue), matching: keyMatcher,
                fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `eachValue(_:matching:)` with a plain example map.
    public static func eachValue<Value: PactValueConvertible>(
        _ example: [String: Value], matching valueMatcher: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        eachValue(example.mapValues(\.pactValue), matching: valueMatcher,
                  fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// `fromProviderState(_:example:)` with a plain example (`"/orders/42"`, `42`, `true`…).
    public static func fromProviderState<Example: PactValueConvertible>(
        _ expression: String, example: Example,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        fromProviderState(expression, example: example.pactValue.example,
                          fileID: fileID, filePath: filePath, line: line, column: column)
    }
}
