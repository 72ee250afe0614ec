import Foundation
import PactModel
import PactOpenAPI
import XCTest

/// The comparator as a whole: the order of the checks, the JSON shape of a result, message interactions, Swagger 2.0.
final class ComparatorTests: XCTestCase {
    func testChecksRunInTheDocumentedOrder() throws {
        let everything = interaction(
            query: "sort=x", headers: ["X-Other": "1", "Accept": "text/html"],
            responseHeaders: ["Content-Type": "application/json", "X-Custom": "1"], responseBody: #"{"id": 1, "age": 3}"#
        )
        XCTAssertEqual(try codes(everything), [
            "request.authorization.missing", "request.header.incompatible", "request.header.unknown", "request.accept.incompatible",
            "request.query.unknown", "response.header.unknown", "response.body.incompatible",
        ])
    }

    func testAFailingPathParameterStopsTheInteraction() throws {
        XCTAssertEqual(try codes(interaction(path: "/v1/pets/x", headers: [:], responseBody: #"{"extra": 1}"#)), ["request.path-or-method.unknown"])
    }

    func testEveryCodeHasTheReferenceClassification() {
        let warnings: Set<OpenAPIResultCode> = [
            .requestAcceptUnknown, .requestBodyUnknown, .requestBodyUnvalidatable, .requestContentTypeMissing, .requestContentTypeUnknown,
            .requestHeaderUnknown, .requestQueryUnknown, .responseBodyUnvalidatable, .responseContentTypeUnknown,
            .responseHeaderUndefined, .responseStatusDefault,
        ]
        for code in OpenAPIResultCode.allCases {
            XCTAssertEqual(code.type, warnings.contains(code) ? .warning : .error, code.rawValue)
        }
        XCTAssertEqual(OpenAPIResultCode.allCases.count, 24)
    }

    func testResultsEncodeToTheReferenceShape() throws {
        let found = try results(interaction(path: "/v1/cats"), interaction("a stateful one", state: "a pet exists", responseBody: #"{"id": "one"}"#))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let array = try JSONParser.parse(String(decoding: try encoder.encode(found), as: UTF8.self))
        let first = try XCTUnwrap(array.arrayValue?.first)
        XCTAssertEqual(first["code"], .string("request.path-or-method.unknown"))
        XCTAssertEqual(first["type"], .string("error"))
        XCTAssertEqual(first["message"], .string("Path or method not defined in spec file: GET /v1/cats"))
        XCTAssertEqual(first["mockDetails"], .object([
            "interactionDescription": "a request for pet 1", "interactionState": "[none]",
            "location": "[root].interactions[0].request.path", "value": "/v1/cats",
        ]))
        XCTAssertEqual(first["specDetails"], .object(["location": "[root].paths", "pathMethod": .null, "pathName": .null]))
        let second = try XCTUnwrap(array.arrayValue?.last)
        XCTAssertEqual(second["mockDetails"]?["interactionState"], .string("a pet exists"))
        XCTAssertEqual(second["mockDetails"]?["location"], .string("[root].interactions[1].response.body.id"))
        XCTAssertEqual(second["specDetails"]?["pathMethod"], .string("get"))
        XCTAssertEqual(second["specDetails"]?["pathName"], .string("/pets/{id}"))
        XCTAssertEqual(try JSONDecoder().decode([OpenAPICheckResult].self, from: try encoder.encode(found)), found)
    }

    func testMessageInteractionsAreSkippedWithOneNote() throws {
        let mixed = try PactReader.read(json: json("""
            {"consumer": {"name": "c"}, "provider": {"name": "p"}, "metadata": {"pactSpecification": {"version": "4.0"}},
             "interactions": [
               {"type": "Asynchronous/Messages", "description": "an event", "contents": {"content": {"a": 1}, "contentType": "application/json", "encoded": false}},
               {"type": "Asynchronous/Messages", "description": "another event", "contents": {"content": {"a": 2}, "contentType": "application/json", "encoded": false}},
               {"type": "Synchronous/HTTP", "description": "cats", "request": {"method": "GET", "path": "/v1/cats"}, "response": {"status": 200}}
             ]}
            """))
        let comparison = OpenAPIComparator(document: try petsDocument()).compare(mixed)
        XCTAssertEqual(comparison.skippedMessageInteractions, 2)
        XCTAssertEqual(comparison.note, "2 message interactions were not checked: an OpenAPI document describes HTTP interactions only")
        XCTAssertEqual(comparison.results.map(\.mockDetails.location), ["[root].interactions[2].request.path"])
        XCTAssertTrue(comparison.hasErrors)
        XCTAssertNil(OpenAPIComparator(document: try petsDocument()).compare(try pact([interaction()])).note)
    }

    func testWarningsAloneAreCompatible() throws {
        let comparison = OpenAPIComparator(document: try petsDocument()).compare(try pact([interaction(query: "limit=1&sort=x")]))
        XCTAssertEqual(comparison.results.map(\.code), [.requestQueryUnknown])
        XCTAssertFalse(comparison.hasErrors)
        XCTAssertEqual(comparison.errors, [])
    }

    func testSwagger2BasePathAndBodyParameter() throws {
        let document = try OpenAPIDocumentReader.read(text: """
            swagger: '2.0'
            info: {title: items, version: '1'}
            basePath: /api
            paths:
              /items/{id}:
                put:
                  consumes: [application/json]
                  produces: [application/json]
                  parameters:
                    - {name: id, in: path, required: true, type: integer}
                    - {name: item, in: body, required: true, schema: {type: object, properties: {name: {type: string}}}}
                  responses:
                    '200':
                      description: ok
                      schema: {type: object, properties: {id: {type: integer}}}
            """, name: "items.yaml")
        let put = { (path: String, body: String, response: String) in
            interaction(method: "PUT", path: path, headers: ["Content-Type": "application/json"], body: body, responseBody: response)
        }
        XCTAssertEqual(try codes(put("/api/items/1", #"{"name": "a"}"#, #"{"id": 1}"#), document: document), [])
        XCTAssertEqual(try codes(put("/items/1", #"{"name": "a"}"#, #"{"id": 1}"#), document: document), ["request.path-or-method.unknown"])
        XCTAssertEqual(try codes(put("/api/items/1", #"{"name": 1}"#, #"{"id": 1, "x": 2}"#), document: document), [
            "request.body.incompatible", "response.body.incompatible",
        ])
    }

    func testMultipartBodiesAreCheckedByPart() throws {
        let document = try OpenAPIDocumentReader.read(text: """
            openapi: 3.0.3
            info: {title: upload, version: '1'}
            paths:
              /upload:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {name: {type: string, maxLength: 3}}}
                  responses:
                    '204': {description: stored}
            """, name: "upload.yaml")
        let upload = { (name: String) in
            let body = "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\(name)\r\n--XyZ--\r\n"
            return interaction(
                method: "POST", path: "/upload", headers: ["Content-Type": "multipart/form-data; boundary=XyZ"],
                body: JSONWriter.compact(.string(body)), status: 204, responseHeaders: [:], responseBody: nil
            )
        }
        let long = try results(upload("Rexford"), document: document)
        XCTAssertEqual(long.map(\.message), ["Request body is incompatible with the request body schema in the spec file: must NOT have more than 3 characters"])
        XCTAssertEqual(long.first?.mockDetails.location, "[root].interactions[0].request.body.name")
        XCTAssertEqual(try codes(upload("Rex"), document: document), [])
    }
}
