import PactModel
import PactOpenAPI
import XCTest

/// `SchemaDocuments` resolves the `$ref`s written in its documents once; the answers follow the documents.
final class SchemaReferenceIndexTests: XCTestCase {
    func testWrittenAndUnwrittenReferencesResolveAlike() {
        let root: JSONValue = ["a": ["$ref": "#/b"], "b": ["type": "string"], "c": ["$ref": "#/nowhere"], "d~/e%": 1]
        let documents = SchemaDocuments(single: root, name: "doc.json")
        XCTAssertEqual(documents.resolve("#/b", from: "doc.json")?.value, ["type": "string"], "written in the document")
        XCTAssertEqual(documents.resolve("#/a", from: "doc.json")?.value, ["$ref": "#/b"], "not written: resolved on demand")
        XCTAssertEqual(documents.resolve("#/d~0~1e%25", from: "doc.json")?.value, 1, "escapes in a pointer")
        XCTAssertNil(documents.resolve("#/nowhere", from: "doc.json"), "written but unresolvable")
        XCTAssertNil(documents.resolve("other.json#/b", from: "doc.json"))
    }

    func testReplacingTheDocumentsReplacesTheAnswers() {
        var documents = SchemaDocuments(single: ["a": ["$ref": "#/b"], "b": 1], name: "doc.json")
        XCTAssertEqual(documents.resolve("#/b", from: "doc.json")?.value, 1)
        documents.documents["doc.json"] = ["a": ["$ref": "#/b"], "b": 2]
        XCTAssertEqual(documents.resolve("#/b", from: "doc.json")?.value, 2)
        documents.documents["other.json"] = ["x": ["$ref": "doc.json#/b"]]
        XCTAssertEqual(documents.resolve("doc.json#/b", from: "other.json")?.document, "doc.json")
    }
}
