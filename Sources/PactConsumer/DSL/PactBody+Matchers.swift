import PactModel

/// Whole-body matchers: a JSON body that is itself a list (`body: .eachLike(["id": .integer(1)], min: 1)`) or a value
/// matched by type. Each is `.json(_:)` of the `PactValue` matcher of the same name, so it works wherever a body goes,
/// an optional `body:` parameter included.
extension PactBody {
    /// A JSON list body whose items are all like `element`, with at least `min` and at most `max` items; the example
    /// has `count` copies (default: `min`, at least one).
    public static func eachLike(
        _ element: PactValue, min: Int = 1, max: Int? = nil, count: Int? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        .json(.eachLike(element, min: min, max: max, count: count,
                        fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A non-empty JSON list body whose items are all like `element`; the example has `count` copies.
    public static func atLeastOneLike(
        _ element: PactValue, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        .json(.atLeastOneLike(element, count: count, fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A JSON list body of at most `max` items all like `element`; the example has `count` copies.
    public static func atMostLike(
        _ element: PactValue, max: Int, count: Int = 1,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        .json(.atMostLike(element, max: max, count: count, fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A JSON list body containing each of `variants` somewhere, in any order; other items are allowed. Pact V4.
    public static func arrayContaining(
        _ variants: [PactValue],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        .json(.arrayContaining(variants, fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A JSON body of the same type and shape as `example`, any values.
    public static func like(
        _ example: PactValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        .json(.like(example, fileID: fileID, filePath: filePath, line: line, column: column))
    }
}
