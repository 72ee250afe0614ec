import PactModel
import PactOpenAPI
import XCTest

final class SchemaReferenceTests: XCTestCase {
    private let document = json(#"""
    {"components":{"schemas":{
      "Pet":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"owner":{"$ref":"#/components/schemas/Person"}}},
      "Person":{"type":"object","properties":{"name":{"type":"string"},"pets":{"type":"array","items":{"$ref":"#/components/schemas/Pet"}}}},
      "Loop":{"$ref":"#/components/schemas/Loop"},
      "LoopA":{"allOf":[{"$ref":"#/components/schemas/LoopB"}]},
      "LoopB":{"anyOf":[{"$ref":"#/components/schemas/LoopA"}]},
      "Double":{"type":"object","properties":{"a":{}},"allOf":[{"$ref":"#/components/schemas/Double"},{"$ref":"#/components/schemas/Double"}]},
      "Tree":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/components/schemas/Tree"}}}},
      "a/b~c":{"type":"integer"}
    }}}
    """#)

    private func check(_ value: String, _ reference: String, mode: SchemaValidationMode = .request) -> [String] {
        JSONSchemaValidator(root: document)
            .validate(json(value), against: .object(["$ref": .string(reference)]), options: SchemaValidationOptions(mode: mode))
            .map(\.description)
    }

    func testReferencesAndRecursiveSchemasFollowTheValue() {
        XCTAssertEqual(check(#"{"name":"Rex","owner":{"name":"Ann","pets":[{"name":"Tom"}]}}"#, "#/components/schemas/Pet"), [])
        XCTAssertEqual(check(#"{"name":"Rex","owner":{"pets":[{"name":1}]}}"#, "#/components/schemas/Pet"),
                       ["[root].owner.pets[0].name: must be string"])
        XCTAssertEqual(check(#"{"name":"Rex","owner":{"pets":[{}]}}"#, "#/components/schemas/Pet"),
                       ["[root].owner.pets[0]: must have required property 'name'"])
    }

    func testDeepRecursiveValuesStopWithoutCrashing() {
        func tree(depth: Int) -> JSONValue {
            var value: JSONValue = [:]
            for _ in 0..<depth { value = ["children": [value]] }
            return value
        }
        let validator = JSONSchemaValidator(root: document)
        let schema = json(##"{"$ref":"#/components/schemas/Tree"}"##)
        XCTAssertEqual(validator.validate(tree(depth: 100), against: schema, options: .init(mode: .request)), [])
        let tooDeep = validator.validate(tree(depth: 400), against: schema, options: .init(mode: .request))
        XCTAssertEqual(tooDeep.map(\.message), ["schema nesting is too deep"])
    }

    func testReferenceCyclesThatDoNotDescendStop() {
        XCTAssertEqual(check("1", "#/components/schemas/Loop"), [])
        XCTAssertEqual(check("1", "#/components/schemas/LoopA"), [])
        XCTAssertEqual(check("1", "#/components/schemas/LoopA", mode: .response), [])
        XCTAssertEqual(check(#"{"a":1}"#, "#/components/schemas/Double", mode: .response), [], "self-doubling allOf is merged once")
        XCTAssertEqual(check(#"{"b":1}"#, "#/components/schemas/Double", mode: .response), ["[root].b: must NOT have additional properties"])
        XCTAssertEqual(check(#"{"b":1}"#, "#/components/schemas/Double", mode: .request), [])
    }

    func testPointerEscapesAndUnresolvableReferences() {
        XCTAssertEqual(check("1", "#/components/schemas/a~1b~0c"), [])
        XCTAssertEqual(check(#""x""#, "#/components/schemas/a~1b~0c"), ["[root]: must be integer"])
        XCTAssertEqual(check("1", "#/components/schemas/Missing"), ["[root]: can't resolve reference #/components/schemas/Missing"])
        XCTAssertEqual(check("1", "other.yaml#/Pet"), ["[root]: can't resolve reference other.yaml#/Pet"])
    }

    func testReferencesIntoOtherDocumentsResolveRelativeToTheirFile() {
        let documents = SchemaDocuments([
            "/api/main.yaml": json(#"{"s":{"$ref":"schemas/pet.yaml#/Pet"}}"#),
            "/api/schemas/pet.yaml": json(##"{"Pet":{"properties":{"id":{"$ref":"#/Id"},"tag":{"$ref":"../common.yaml"}}},"Id":{"type":"integer"}}"##),
            "/api/common.yaml": json(#"{"type":"string"}"#),
        ])
        let validator = JSONSchemaValidator(documents: documents)
        let schema = json(##"{"$ref":"#/s"}"##)
        XCTAssertEqual(validator.validate(json(#"{"id":1,"tag":"a"}"#), against: schema, in: "/api/main.yaml", options: .init(mode: .request)), [])
        XCTAssertEqual(
            validator.validate(json(#"{"id":"1","tag":2}"#), against: schema, in: "/api/main.yaml", options: .init(mode: .request)).map(\.description),
            ["[root].id: must be integer", "[root].tag: must be string"]
        )
    }
}
