import PactModel
import PactOpenAPI
import XCTest

/// OPENAPI-CHECK.md: responses are strict (`additionalProperties` false, `required` dropped except under `oneOf`).
final class SchemaResponseModeTests: XCTestCase {
    private let pet = #"{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"}}}"#

    func testAPactResponseMayNotUseUndocumentedProperties() {
        XCTAssertEqual(errors(#"{"id":1,"nickname":"x"}"#, pet, mode: .response), ["[root].nickname: must NOT have additional properties"])
        XCTAssertEqual(errors(#"{"id":1,"nickname":"x"}"#, pet, mode: .request), ["[root]: must have required property 'name'"])
    }

    func testAPactResponseNeedNotUseEveryRequiredProperty() {
        XCTAssertEqual(errors(#"{"id":1}"#, pet, mode: .response), [])
        XCTAssertEqual(errors(#"{"id":"1"}"#, pet, mode: .response), ["[root].id: must be integer"])
    }

    func testExplicitAdditionalPropertiesAndUntypedObjectsAreKept() {
        XCTAssertEqual(errors(#"{"a":1}"#, #"{"type":"object","additionalProperties":{"type":"integer"}}"#, mode: .response), [])
        XCTAssertEqual(errors(#"{"a":"x"}"#, #"{"type":"object","additionalProperties":{"type":"integer"}}"#, mode: .response),
                       ["[root].a: must be integer"])
        XCTAssertEqual(errors(#"{"a":1}"#, #"{"type":"object","additionalProperties":true}"#, mode: .response),
                       ["[root].a: must NOT have additional properties"], "true is tightened too, as SMV's PR #38")
        XCTAssertEqual(errors(#"{"a":1}"#, #"{"properties":{}}"#, mode: .response), [], "only `type: object` schemas are tightened")
    }

    func testAllOfBranchesCountTogether() {
        let root = json(#"""
        {"components":{"schemas":{
          "Base":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}},
          "Dog":{"allOf":[{"$ref":"#/components/schemas/Base"},{"type":"object","properties":{"bark":{"type":"boolean"}}}]}
        }}}
        """#)
        let dog = ##"{"$ref":"#/components/schemas/Dog"}"##
        XCTAssertEqual(errors(#"{"id":1,"bark":true}"#, dog, mode: .response, root: root), [])
        XCTAssertEqual(errors(#"{"id":1,"bark":true,"meow":1}"#, dog, mode: .response, root: root), ["[root].meow: must NOT have additional properties"])
        XCTAssertEqual(errors(#"{"bark":"x"}"#, dog, mode: .response, root: root), ["[root].bark: must be boolean"])
        XCTAssertEqual(errors(#"{"bark":true}"#, dog, mode: .request, root: root), ["[root]: must have required property 'id'"])
    }

    func testRequiredStillCountsUnderOneOf() {
        let schema = #"{"oneOf":[{"type":"object","required":["cat"],"properties":{"cat":{}}},{"type":"object","required":["dog"],"properties":{"dog":{}}}]}"#
        XCTAssertEqual(errors(#"{"cat":1}"#, schema, mode: .response), [])
        XCTAssertEqual(errors(#"{"cow":1}"#, schema, mode: .response), ["[root]: must match exactly one schema in oneOf"])
    }

    func testNullableObjectsInResponses() {
        XCTAssertEqual(errors("null", #"{"type":"object","nullable":true,"properties":{"a":{}}}"#, mode: .response), [])
        XCTAssertEqual(errors(#"{"b":1}"#, #"{"type":"object","nullable":true,"properties":{"a":{}}}"#, mode: .response),
                       ["[root].b: must NOT have additional properties"])
    }
}
