import Foundation
import PactModel
import PactOpenAPI
import TestSupport
import XCTest

/// Damaged documents and arbitrary schemas end in a value or an `OpenAPIDocumentError`, never a trap or a hang.
final class RobustnessTests: XCTestCase {
    func testDamagedCodesServiceDocumentsAreReadOrRefused() throws {
        let original = Array(try String(contentsOfFile: fixture("codes-service-openapi/lpa-codes-openapi-v1.yml"), encoding: .utf8))
        var random = SplitMix64(seed: 21)
        var refused = 0
        for _ in 0..<60 {
            var text = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let start = Int.random(in: 0..<text.count, using: &random)
                let end = min(text.count, start + Int.random(in: 1...40, using: &random))
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.removeSubrange(start..<end)
                case 1: text.insert(contentsOf: Array(text[start..<end]), at: Int.random(in: 0..<text.count, using: &random))
                default: text.replaceSubrange(start..<end, with: Array(repeating: Character(["{", "]", ":", "-", "\t", "'"].randomElement(using: &random)!), count: end - start))
                }
            }
            do {
                _ = try OpenAPIDocumentReader.read(text: String(text), name: "damaged.yml")
            } catch {
                refused += 1
                XCTAssertEqual(error.file, "damaged.yml")
                XCTAssertFalse(error.reason.isEmpty)
            }
        }
        XCTAssertGreaterThan(refused, 0, "some damage must be refused")
    }

    func testArbitrarySchemasAndValuesNeverTrap() {
        var random = SplitMix64(seed: 2019_09)
        let keywords = ["type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "multipleOf", "minLength", "pattern",
                        "format", "items", "properties", "additionalProperties", "required", "allOf", "anyOf", "oneOf", "not",
                        "discriminator", "nullable", "$ref", "uniqueItems", "propertyName", "mapping", "patternProperties"]
        let strings = ["string", "object", "array", "integer", "null", "#/a", "#", "#/properties/a", "date", "int32", "(", "a", "uuid"]
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .int(Int.random(in: -3...3, using: &random))
            case 3: return .double(Double.random(in: -2...2, using: &random))
            case 4: return .string(strings.randomElement(using: &random)!)
            case 5: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    let key = Bool.random(using: &random) ? keywords.randomElement(using: &random)! : strings.randomElement(using: &random)!
                    members[key] = value(depth + 1)
                }
                return .object(members)
            }
        }
        var checked = 0
        for _ in 0..<2000 {
            let schema = value(0)
            let root: JSONValue = ["a": schema, "properties": ["a": value(1)]]
            let validator = JSONSchemaValidator(root: root)
            for mode in [SchemaValidationMode.request, .response] {
                _ = validator.validate(value(0), against: schema, options: SchemaValidationOptions(mode: mode, coerceStrings: Bool.random(using: &random)))
                checked += 1
            }
        }
        XCTAssertEqual(checked, 4000)
    }
}
