import PactModel
import PactOpenAPI
import XCTest

/// Parses JSON written in a test.
func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
    do { return try JSONParser.parse(text) } catch {
        XCTFail("bad test JSON: \(error)", file: file, line: line)
        return .null
    }
}

/// The errors of `value` against `schema` as `location: message` lines.
func errors(
    _ value: String, _ schema: String, mode: SchemaValidationMode = .request, coerce: Bool = false, root: JSONValue? = nil
) -> [String] {
    let schemaValue = json(schema)
    let validator = JSONSchemaValidator(root: root ?? schemaValue)
    return validator.validate(json(value), against: schemaValue, options: SchemaValidationOptions(mode: mode, coerceStrings: coerce))
        .map(\.description)
}
