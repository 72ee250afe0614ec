import PactOpenAPI
import XCTest

final class PathMatchTests: XCTestCase {
    private let text = """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        servers: [{url: /v1}]
        paths:
          /pets: {get: {responses: {'200': {description: ok}}}}
          /pets/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
          /pets/mine: {get: {responses: {'200': {description: ok}}}}
          /files/{name}.{ext}:
            get:
              parameters: [{name: name, in: path, required: true, schema: {type: string}}, {name: ext, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
        """

    func testTemplatesMatchAfterTheBasePath() throws {
        let document = try OpenAPIDocumentReader.read(text: text, name: "paths.yaml")
        XCTAssertEqual(document.pathMatches("/v1/pets").map(\.pathTemplate), ["/pets"])
        XCTAssertEqual(document.pathMatches("/v1/pets/12?x=1"), [OpenAPIPathMatch(pathTemplate: "/pets/{id}", parameters: ["id": "12"])])
        XCTAssertEqual(document.pathMatches("/v1/pets/mine").map(\.pathTemplate), ["/pets/mine", "/pets/{id}"], "literal first")
        XCTAssertEqual(document.pathMatches("/v1/pets/a%20b").first?.parameters, ["id": "a b"])
        XCTAssertEqual(document.pathMatches("/v1/files/report.tar.gz").first?.parameters, ["name": "report", "ext": "tar.gz"])
    }

    func testPathsOutsideTheBasePathOrOfAnotherShapeDoNotMatch() throws {
        let document = try OpenAPIDocumentReader.read(text: text, name: "paths.yaml")
        XCTAssertEqual(document.pathMatches("/pets"), [], "the base path is required")
        XCTAssertEqual(document.pathMatches("/v1x/pets"), [])
        XCTAssertEqual(document.pathMatches("/v1/pets/1/2"), [])
        XCTAssertEqual(document.pathMatches("/v1/pets/"), [], "an empty segment is no parameter value")
        XCTAssertEqual(document.pathMatches("/v1/cats"), [])
    }
}
