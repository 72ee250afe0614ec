import PactModel
import PactOpenAPI
import XCTest

final class SchemaKeywordTests: XCTestCase {
    func testTypes() {
        XCTAssertEqual(errors(#""a""#, #"{"type":"string"}"#), [])
        XCTAssertEqual(errors("1", #"{"type":"string"}"#), ["[root]: must be string"])
        XCTAssertEqual(errors("1", #"{"type":"integer"}"#), [])
        XCTAssertEqual(errors("1.0", #"{"type":"integer"}"#), [], "a whole decimal is an integer, as in Ajv")
        XCTAssertEqual(errors("1.5", #"{"type":"integer"}"#), ["[root]: must be integer"])
        XCTAssertEqual(errors("1.5", #"{"type":"number"}"#), [])
        XCTAssertEqual(errors("true", #"{"type":"boolean"}"#), [])
        XCTAssertEqual(errors("null", #"{"type":"object"}"#), ["[root]: must be object"])
        XCTAssertEqual(errors("[]", #"{"type":"array"}"#), [])
        XCTAssertEqual(errors("{}", #"{"type":"array"}"#), ["[root]: must be array"])
    }

    func testTypeArrayWithNullAsOpenAPI31() {
        XCTAssertEqual(errors("null", #"{"type":["string","null"]}"#), [])
        XCTAssertEqual(errors(#""x""#, #"{"type":["string","null"]}"#), [])
        XCTAssertEqual(errors("3", #"{"type":["string","null"]}"#), ["[root]: must be string,null"])
    }

    func testNullableAsOpenAPI30() {
        XCTAssertEqual(errors("null", #"{"type":"string","nullable":true}"#), [])
        XCTAssertEqual(errors("null", #"{"type":"string"}"#), ["[root]: must be string"])
        XCTAssertEqual(errors("null", #"{"type":"string","nullable":false}"#), ["[root]: must be string"])
        XCTAssertEqual(errors("1", #"{"type":"string","nullable":true}"#), ["[root]: must be string"])
    }

    func testEnumAndConst() {
        XCTAssertEqual(errors(#""b""#, #"{"enum":["a","b"]}"#), [])
        XCTAssertEqual(errors(#""c""#, #"{"enum":["a","b"]}"#), ["[root]: must be equal to one of the allowed values"])
        XCTAssertEqual(errors("1.0", #"{"enum":[1]}"#), [], "numbers compare by value")
        XCTAssertEqual(errors(#"{"a":[1]}"#, #"{"const":{"a":[1]}}"#), [])
        XCTAssertEqual(errors(#"{"a":[2]}"#, #"{"const":{"a":[1]}}"#), ["[root]: must be equal to constant"])
    }

    func testNumericBounds() {
        XCTAssertEqual(errors("3", #"{"minimum":3,"maximum":5}"#), [])
        XCTAssertEqual(errors("2", #"{"minimum":3}"#), ["[root]: must be >= 3"])
        XCTAssertEqual(errors("6", #"{"maximum":5}"#), ["[root]: must be <= 5"])
        // OpenAPI 3.0 / Swagger 2.0: Boolean exclusive flags beside the bound.
        XCTAssertEqual(errors("3", #"{"minimum":3,"exclusiveMinimum":true}"#), ["[root]: must be > 3"])
        XCTAssertEqual(errors("5", #"{"maximum":5,"exclusiveMaximum":true}"#), ["[root]: must be < 5"])
        XCTAssertEqual(errors("4", #"{"minimum":3,"exclusiveMinimum":true,"maximum":5,"exclusiveMaximum":true}"#), [])
        // OpenAPI 3.1: numeric exclusive bounds.
        XCTAssertEqual(errors("3", #"{"exclusiveMinimum":3}"#), ["[root]: must be > 3"])
        XCTAssertEqual(errors("5", #"{"exclusiveMaximum":5}"#), ["[root]: must be < 5"])
        XCTAssertEqual(errors("4.5", #"{"exclusiveMinimum":3,"exclusiveMaximum":5}"#), [])
    }

    func testMultipleOf() {
        XCTAssertEqual(errors("10", #"{"multipleOf":5}"#), [])
        XCTAssertEqual(errors("11", #"{"multipleOf":5}"#), ["[root]: must be multiple of 5"])
        XCTAssertEqual(errors("0.3", #"{"multipleOf":0.1}"#), [], "decimal steps compare exactly")
        XCTAssertEqual(errors("0.35", #"{"multipleOf":0.1}"#), ["[root]: must be multiple of 0.1"])
        XCTAssertEqual(errors("1", #"{"multipleOf":0}"#), [], "a zero step is ignored, never a division by zero")
    }

    func testStringLengthsCountCodePoints() {
        XCTAssertEqual(errors(#""ab""#, #"{"minLength":2,"maxLength":2}"#), [])
        XCTAssertEqual(errors(#""a""#, #"{"minLength":2}"#), ["[root]: must NOT have fewer than 2 characters"])
        XCTAssertEqual(errors(#""abc""#, #"{"maxLength":2}"#), ["[root]: must NOT have more than 2 characters"])
        XCTAssertEqual(errors(#""é😀""#, #"{"maxLength":2}"#), [])
    }

    func testPatternIsASearchNotAWholeMatch() {
        XCTAssertEqual(errors(#""xab1""#, #"{"pattern":"ab[0-9]"}"#), [])
        XCTAssertEqual(errors(#""ab1x""#, #"{"pattern":"^ab[0-9]$"}"#), [#"[root]: must match pattern "^ab[0-9]$""#])
        XCTAssertEqual(
            errors(#""a""#, #"{"pattern":"(a"}"#).count, 1, "a pattern that does not compile is reported, not a crash"
        )
    }

    func testArrays() {
        XCTAssertEqual(errors("[1,2]", #"{"minItems":1,"maxItems":2,"uniqueItems":true,"items":{"type":"integer"}}"#), [])
        XCTAssertEqual(errors("[]", #"{"minItems":1}"#), ["[root]: must NOT have fewer than 1 items"])
        XCTAssertEqual(errors("[1,2,3]", #"{"maxItems":2}"#), ["[root]: must NOT have more than 2 items"])
        XCTAssertEqual(errors("[1,2,1.0]", #"{"uniqueItems":true}"#), ["[root]: must NOT have duplicate items (items ## 2 and 0 are identical)"])
        XCTAssertEqual(errors(#"[1,"a",2]"#, #"{"items":{"type":"integer"}}"#), ["[root][1]: must be integer"])
        XCTAssertEqual(errors(#"[1,"a","b"]"#, #"{"items":[{"type":"integer"},{"type":"string"}],"additionalItems":false}"#),
                       ["[root][2]: boolean schema is false"])
    }

    func testObjectsInRequestMode() {
        let schema = #"{"type":"object","required":["id"],"properties":{"id":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}}}"#
        XCTAssertEqual(errors(#"{"id":1,"extra":true}"#, schema), [], "requests keep JSON Schema's open objects")
        XCTAssertEqual(errors(#"{"tags":["a",2]}"#, schema), [
            "[root]: must have required property 'id'", "[root].tags[1]: must be string",
        ])
        XCTAssertEqual(errors(#"{"id":1,"x":1}"#, #"{"properties":{"id":{}},"additionalProperties":false}"#),
                       ["[root].x: must NOT have additional properties"])
        XCTAssertEqual(errors(#"{"a":1,"b":"2"}"#, #"{"additionalProperties":{"type":"integer"}}"#), ["[root].b: must be integer"])
        XCTAssertEqual(errors(#"{"x-a":1,"y":1}"#, #"{"patternProperties":{"^x-":{}},"additionalProperties":false}"#),
                       ["[root].y: must NOT have additional properties"])
        XCTAssertEqual(errors(#"{}"#, #"{"minProperties":1}"#), ["[root]: must NOT have fewer than 1 properties"])
        XCTAssertEqual(errors(#"{"a b":"x"}"#, #"{"properties":{"a b":{"type":"integer"}}}"#), ["[root]['a b']: must be integer"])
    }

    func testCombinators() {
        XCTAssertEqual(errors("5", #"{"allOf":[{"minimum":1},{"maximum":3}]}"#), ["[root]: must be <= 3"])
        XCTAssertEqual(errors(#""a""#, #"{"anyOf":[{"type":"integer"},{"type":"string"}]}"#), [])
        XCTAssertEqual(errors("true", #"{"anyOf":[{"type":"integer"},{"type":"string"}]}"#), ["[root]: must match a schema in anyOf"])
        XCTAssertEqual(errors("1", #"{"oneOf":[{"type":"integer"},{"type":"string"}]}"#), [])
        XCTAssertEqual(errors("1", #"{"oneOf":[{"type":"integer"},{"minimum":0}]}"#), ["[root]: must match exactly one schema in oneOf"])
        XCTAssertEqual(errors("true", #"{"oneOf":[{"type":"integer"},{"type":"string"}]}"#), ["[root]: must match exactly one schema in oneOf"])
        XCTAssertEqual(errors("1", #"{"not":{"type":"string"}}"#), [])
        XCTAssertEqual(errors(#""a""#, #"{"not":{"type":"string"}}"#), ["[root]: must NOT be valid"])
        XCTAssertEqual(errors("1", "true"), [])
        XCTAssertEqual(errors("1", "false"), ["[root]: boolean schema is false"])
    }

    func testStringCoercionForParameters() {
        XCTAssertEqual(errors(#""12""#, #"{"type":"integer","minimum":10}"#, coerce: true), [])
        XCTAssertEqual(errors(#""9""#, #"{"type":"integer","minimum":10}"#, coerce: true), ["[root]: must be >= 10"])
        XCTAssertEqual(errors(#""1.5""#, #"{"type":"integer"}"#, coerce: true), ["[root]: must be integer"])
        XCTAssertEqual(errors(#""true""#, #"{"type":"boolean"}"#, coerce: true), [])
        XCTAssertEqual(errors(#""12""#, #"{"type":"integer"}"#), ["[root]: must be integer"], "bodies are not coerced")
    }

    func testErrorsCarryTheKeywordAndTheCallersRootName() {
        let validator = JSONSchemaValidator(root: .null)
        let found = validator.validate(
            json(#"{"id":"x"}"#), against: json(#"{"properties":{"id":{"type":"integer"}}}"#),
            options: SchemaValidationOptions(mode: .request), rootLocation: "[root].interactions[0].response.body"
        )
        XCTAssertEqual(found, [SchemaValidationError(location: "[root].interactions[0].response.body.id", message: "must be integer", keyword: "type", value: "x")])
    }

    func testErrorsCarryTheFailingValue() {
        let validator = JSONSchemaValidator(root: .null)
        let schema = json(#"{"type":"object","required":["id"],"properties":{"n":{"maximum":3},"s":{"pattern":"^a"}},"additionalProperties":false}"#)
        let found = validator.validate(json(#"{"n":5,"s":"b","x":[1]}"#), against: schema, options: SchemaValidationOptions(mode: .request))
        XCTAssertEqual(found.map { "\($0.keyword) \(JSONWriter.compact($0.value))" }, [
            #"required {"n":5,"s":"b","x":[1]}"#, "maximum 5", #"pattern "b""#, "additionalProperties [1]",
        ])
    }

    func testUnknownKeywordsAndOddSchemasAreIgnored() {
        XCTAssertEqual(errors("1", #"{"x-custom":{"type":"string"},"example":"a","readOnly":true}"#), [])
        XCTAssertEqual(errors("1", #"{"type":7,"minimum":"a","properties":[],"items":3}"#), [], "malformed keywords never trap")
    }
}
