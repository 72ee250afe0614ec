import PactModel
import PactOpenAPI
import XCTest

final class SchemaDiscriminatorTests: XCTestCase {
    private let root = json(#"""
    {"components":{"schemas":{
      "Cat":{"type":"object","properties":{"petType":{"type":"string"},"meows":{"type":"boolean"}}},
      "Dog":{"type":"object","properties":{"petType":{"type":"string"},"barks":{"type":"boolean"}}},
      "Pet":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
             "discriminator":{"propertyName":"petType"}},
      "MappedPet":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
             "discriminator":{"propertyName":"petType","mapping":{"kitty":"#/components/schemas/Cat","puppy":"Dog"}}},
      "ConstPet":{"oneOf":[
             {"type":"object","properties":{"kind":{"const":"a"},"x":{"type":"integer"}}},
             {"type":"object","properties":{"kind":{"enum":["b"]},"x":{"type":"string"}}}],
             "discriminator":{"propertyName":"kind"}}
    }}}
    """#)

    private func check(_ value: String, _ name: String, mode: SchemaValidationMode = .request) -> [String] {
        errors(value, ##"{"$ref":"#/components/schemas/\##(name)"}"##, mode: mode, root: root)
    }

    func testTheTagPicksTheBranchByItsSchemaName() {
        XCTAssertEqual(check(#"{"petType":"Cat","meows":true}"#, "Pet"), [])
        XCTAssertEqual(check(#"{"petType":"Cat","meows":"yes"}"#, "Pet"), ["[root].meows: must be boolean"])
        XCTAssertEqual(check(#"{"petType":"Cow"}"#, "Pet"), [#"[root].petType: value of tag "petType" must be in oneOf"#])
        XCTAssertEqual(check(#"{"meows":true}"#, "Pet"), ["[root]: must have required property 'petType'"])
        XCTAssertEqual(check(#"{"petType":1}"#, "Pet"), [#"[root].petType: tag "petType" must be string"#])
    }

    func testTheMappingNamesBranchesByReferenceOrSchemaName() {
        XCTAssertEqual(check(#"{"petType":"kitty","meows":true}"#, "MappedPet"), [])
        XCTAssertEqual(check(#"{"petType":"puppy","barks":1}"#, "MappedPet"), ["[root].barks: must be boolean"])
        XCTAssertEqual(check(#"{"petType":"puppy","barks":true,"meows":true}"#, "MappedPet", mode: .response),
                       ["[root].meows: must NOT have additional properties"])
    }

    func testConstAndEnumTagsPickInlineBranches() {
        XCTAssertEqual(check(#"{"kind":"a","x":1}"#, "ConstPet"), [])
        XCTAssertEqual(check(#"{"kind":"b","x":1}"#, "ConstPet"), ["[root].x: must be string"])
    }
}
