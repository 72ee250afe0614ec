import PactOpenAPI
import XCTest

/// Documents that cannot be read give an error naming the file, the reason and, when known, the position.
final class BadDocumentTests: XCTestCase {
    func testBadYAMLGivesTheLineAndColumn() throws {
        let error = try XCTUnwrap(readingError("openapi: 3.0.0\npaths:\n  /a: [unclosed\n", name: "bad.yaml"))
        XCTAssertEqual(error.file, "bad.yaml")
        XCTAssertTrue(error.reason.hasPrefix("not valid YAML"), error.reason)
        XCTAssertNotNil(error.line)
        XCTAssertNotNil(error.column)
        XCTAssertTrue(error.description.hasPrefix("bad.yaml:\(error.line!):\(error.column!): not valid YAML"), error.description)
    }

    func testDuplicateYAMLKeys() throws {
        let error = try XCTUnwrap(readingError("openapi: 3.0.0\nopenapi: 3.1.0\n"))
        XCTAssertTrue(error.reason.contains("duplicate"), error.reason)
    }

    func testBadJSONGivesTheLineAndColumn() throws {
        let error = try XCTUnwrap(readingError("{\"openapi\": \"3.0.0\",\n  \"paths\": {,}}", name: "bad.json"))
        XCTAssertEqual(error.file, "bad.json")
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.reason.hasPrefix("not valid JSON"), error.reason)
    }

    func testYAMLFlowStyleThatLooksLikeJSONStillReads() throws {
        let document = try OpenAPIDocumentReader.read(text: "{openapi: 3.1.0, info: {title: t, version: '1'}, paths: {}}", name: "flow.yaml")
        XCTAssertEqual(document.version, .openAPI31)
    }

    func testVersions() throws {
        XCTAssertEqual(readingError("info: {title: x}\n")?.reason, "neither `swagger: \"2.0\"` nor `openapi: 3.x` is declared")
        XCTAssertEqual(readingError("openapi: 4.0.0\n")?.reason, "openapi: 4.0.0 is not supported (2.0, 3.0 and 3.1 are)")
        XCTAssertEqual(readingError("swagger: '1.2'\n")?.reason, "swagger: \"1.2\" is not supported (only \"2.0\")")
        XCTAssertEqual(readingError("- openapi\n")?.reason, "the document is a List, not an object")
        XCTAssertEqual(readingError("")?.reason, "the document is empty")
    }

    func testOpenAPIKitSaysWhereA3xDocumentIsMalformed() throws {
        let missingResponses = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: 5}\n"
        let error30 = try XCTUnwrap(readingError(missingResponses))
        XCTAssertTrue(error30.reason.hasPrefix("not a valid OpenAPI 3.0 document: "), error30.reason)
        XCTAssertTrue(error30.reason.contains("responses"), error30.reason)
        let error31 = try XCTUnwrap(readingError(missingResponses.replacingOccurrences(of: "3.0.0", with: "3.1.0")))
        XCTAssertTrue(error31.reason.hasPrefix("not a valid OpenAPI 3.1 document: "), error31.reason)
        let pathParameter = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a/{id}:\n    get:\n      parameters: [{name: id, in: path}]\n      responses: {}\n"
        let error = try XCTUnwrap(readingError(pathParameter))
        XCTAssertTrue(error.reason.contains("/a/{id}"), error.reason)
        let noInfo = try XCTUnwrap(readingError("openapi: 3.0.0\npaths: {}\n"))
        XCTAssertTrue(noInfo.reason.contains("info"), noInfo.reason)
    }

    func testMalformedSwagger2() throws {
        XCTAssertEqual(readingError("swagger: '2.0'\n")?.reason, "[root].paths is missing")
        XCTAssertEqual(readingError("swagger: '2.0'\npaths:\n  /a:\n    get: {}\n")?.reason, "[root].paths./a.get.responses is missing or not an object")
    }

    func testReferencesThatLeadNowhere() throws {
        let local = """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/Missing'}
            """
        XCTAssertEqual(readingError(local)?.reason, "$ref '#/components/responses/Missing' at [root].paths./a.get.responses.200 does not resolve")
        XCTAssertThrowsError(try OpenAPIDocumentReader.read(path: fixture("openapi-documents/broken-ref.yaml"))) { error in
            let error = error as? OpenAPIDocumentError
            XCTAssertEqual(error?.file, fixture("openapi-documents/broken-ref.yaml"))
            XCTAssertTrue(error?.reason.contains("no file \(fixture("openapi-documents/missing.yaml"))") == true, error?.reason ?? "")
        }
        let remote = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a: {$ref: 'https://example.com/a.yaml#/a'}\n"
        XCTAssertTrue(readingError(remote)?.reason.contains("is remote") == true)
    }

    func testAMissingFileIsNamed() {
        XCTAssertThrowsError(try OpenAPIDocumentReader.read(path: "/nonexistent/api.yaml")) { error in
            XCTAssertEqual((error as? OpenAPIDocumentError)?.file, "/nonexistent/api.yaml")
        }
    }

    func testAYAMLAliasBombIsRefused() throws {
        var yaml = "openapi: 3.0.0\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        XCTAssertTrue(readingError(yaml)?.reason.contains("alias bomb") == true)
    }
}
