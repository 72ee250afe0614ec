import PactModel
import PactOpenAPI
import XCTest

/// Patterns come from the document: one that backtracks catastrophically is given up on with a clear error, not run
/// for years; one that does not compile is reported; long values still match linear patterns.
final class SchemaPatternBudgetTests: XCTestCase {
    private let attack = String(repeating: "a", count: 48) + "!"

    func testACatastrophicPatternIsGivenUpWithAnError() {
        for pattern in ["^(a+)+$", "^(a|aa)+$", "^(a|a?)+$", "(.*a){20}"] {
            let schema = JSONValue.object(["type": "string", "pattern": .string(pattern)])
            let found = JSONSchemaValidator(root: schema)
                .validate(.string(attack), against: schema, options: SchemaValidationOptions(mode: .request))
            XCTAssertEqual(found.map(\.keyword), ["pattern"], pattern)
            XCTAssertEqual(found.first?.message, "pattern \"\(pattern)\" was given up on this value: too costly to match", pattern)
        }
    }

    func testTheSamePatternsStillDecideOrdinaryValues() {
        XCTAssertEqual(errors(#""aaaa""#, #"{"pattern":"^(a+)+$"}"#), [])
        XCTAssertEqual(errors(#""aab""#, #"{"pattern":"^(a+)+$"}"#), [#"[root]: must match pattern "^(a+)+$""#])
    }

    func testLongValuesMatchLinearPatterns() {
        let long = String(repeating: "ab", count: 500_000)
        func messages(_ text: String, _ pattern: String) -> [String] {
            let schema: JSONValue = ["type": "string", "pattern": .string(pattern)]
            return JSONSchemaValidator(root: schema)
                .validate(.string(text), against: schema, options: SchemaValidationOptions(mode: .request)).map(\.message)
        }
        XCTAssertEqual(messages(long, "^[ab]+$"), [])
        XCTAssertEqual(messages(long + "c", "^[ab]+$"), [#"must match pattern "^[ab]+$""#])
        XCTAssertEqual(messages(long, "b$"), [])
        XCTAssertEqual(messages(String(repeating: "ab", count: 20_000), "^(ab)+$"), [])
        // A megabyte of group repetitions fills ICU's backtracking stack: given up, not a false "must match".
        XCTAssertEqual(messages(long, "^(ab)+$"), [#"pattern "^(ab)+$" was given up on this value: too costly to match"#])
    }

    func testInvalidAndCatastrophicPatternPropertiesMatchNothing() {
        let schema = #"{"patternProperties":{"(":{"type":"integer"},"^(a|aa)+$":{"type":"integer"}},"additionalProperties":false}"#
        let name = String(repeating: "a", count: 48) + "!"
        XCTAssertEqual(errors(#"{"\#(name)":"x"}"#, schema), ["[root]['\(name)']: must NOT have additional properties"])
        XCTAssertEqual(errors(#"{"aaa":"x"}"#, schema), ["[root].aaa: must be integer"])
    }

    func testACatastrophicPathParameterPatternEndsInAnUnknownRoute() throws {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /items/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string, pattern: '^(a+)+$'}}]
                  responses: {'200': {description: ok}}
            """
        let document = try OpenAPIDocumentReader.read(text: text, name: "items.yaml")
        let path = "/items/" + attack
        XCTAssertEqual(try codes(interaction(path: path, headers: [:], responseHeaders: [:], responseBody: nil), document: document), ["request.path-or-method.unknown"])
        XCTAssertEqual(try codes(interaction(path: "/items/aaa", headers: [:], responseHeaders: [:], responseBody: nil), document: document), [])
    }
}
