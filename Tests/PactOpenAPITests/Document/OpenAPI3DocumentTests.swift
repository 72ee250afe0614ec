import PactModel
import PactOpenAPI
import XCTest

final class OpenAPI3DocumentTests: XCTestCase {
    private let petstore31 = """
        openapi: 3.1.0
        info: {title: Pets, version: "1"}
        servers: [{url: "http://localhost:8080/api/"}]
        security: [{bearer: []}]
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            key: {type: apiKey, in: query, name: api_key}
          parameters:
            Limit: {name: limit, in: query, schema: {type: integer, maximum: 100}}
          schemas:
            Pet:
              type: object
              properties:
                id: {type: integer}
                tag: {type: [string, "null"]}
        paths:
          /pets:
            parameters:
              - $ref: '#/components/parameters/Limit'
              - {name: X-Trace, in: header, schema: {type: string}}
            get:
              parameters:
                - {name: limit, in: query, required: true, schema: {type: integer, maximum: 10}}
              responses:
                '200':
                  description: pets
                  headers:
                    X-Total: {required: true, schema: {type: integer}}
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                2xx:
                  description: other success
                default:
                  description: error
            post:
              security: [{}, {key: []}]
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                  text/plain: {}
              responses:
                '201': {description: created}
          /pets/{id}:
            delete:
              security: []
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses:
                '204': {description: deleted}
        """

    func testOpenAPI31Operations() throws {
        let document = try OpenAPIDocumentReader.read(text: petstore31, name: "pets.yaml")
        XCTAssertEqual(document.version, .openAPI31)
        XCTAssertEqual(document.basePath, "/api")
        XCTAssertEqual(document.operations.map { "\($0.method) \($0.pathTemplate)" }, ["get /pets", "post /pets", "delete /pets/{id}"])

        let list = try XCTUnwrap(document.operation("get", "/pets"))
        XCTAssertEqual(list.parameters.map { "\($0.location.rawValue) \($0.name) \($0.required)" },
                       ["header X-Trace false", "query limit true"], "the operation's limit overrides the path's")
        XCTAssertEqual(list.parameters.last?.schema?.value["maximum"], 10)
        XCTAssertTrue(list.requiresAuthorizationHeader, "document-level bearer security")
        XCTAssertEqual(list.response(forStatus: 200)?.response.headers.map { "\($0.name) \($0.required)" }, ["X-Total true"])
        XCTAssertEqual(list.response(forStatus: 206)?.response.status, "2XX")
        XCTAssertEqual(list.response(forStatus: 206)?.match, .range)
        XCTAssertEqual(list.response(forStatus: 404)?.match, .default)

        let schema = try XCTUnwrap(list.response(forStatus: 200)?.response.content.first?.schema)
        XCTAssertEqual(schema.location, "[root].paths./pets.get.responses.200.content.application/json.schema")
        let validator = document.validator
        XCTAssertEqual(validator.validate([["id": 1, "tag": .null]], against: schema.value, in: schema.document, options: .init(mode: .response)), [])
        XCTAssertEqual(validator.validate([["id": 1, "tag": 2]], against: schema.value, in: schema.document, options: .init(mode: .response)).map(\.description),
                       ["[root][0].tag: must be string,null"])
    }

    func testSecurityAlternativesAndOverrides() throws {
        let document = try OpenAPIDocumentReader.read(text: petstore31, name: "pets.yaml")
        let create = try XCTUnwrap(document.operation("post", "/pets"))
        XCTAssertEqual(create.security.map(\.credentials.count), [0, 1])
        XCTAssertEqual(create.security.last?.credentials, [OpenAPICredential(scheme: "key", location: .query, name: "api_key")])
        XCTAssertFalse(create.requiresAuthorizationHeader)
        XCTAssertEqual(create.requestBody?.required, false)
        XCTAssertEqual(create.requestBody?.content.map(\.mediaType), ["application/json", "text/plain"])
        XCTAssertNil(create.requestBody?.content.last?.schema)
        let delete = try XCTUnwrap(document.operation("DELETE", "/pets/{id}"))
        XCTAssertEqual(delete.security, [])
        XCTAssertFalse(delete.requiresAuthorizationHeader)
        XCTAssertEqual(delete.parameters.first?.required, true)
    }

    func testOpenAPI30InJSON() throws {
        let text = #"""
        {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
         "paths": {"/a": {"put": {"requestBody": {"$ref": "#/components/requestBodies/A"},
                                  "responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
         "components": {
           "requestBodies": {"A": {"required": true, "content": {"application/json": {"schema": {"type": "object", "nullable": true}}}}},
           "responses": {"Ok": {"description": "ok", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}}},
           "headers": {"ETag": {"schema": {"type": "string"}}}}}
        """#
        let document = try OpenAPIDocumentReader.read(text: text, name: "a.json")
        XCTAssertEqual(document.version, .openAPI30)
        XCTAssertEqual(document.basePath, "")
        let put = try XCTUnwrap(document.operation("put", "/a"))
        XCTAssertEqual(put.requestBody?.required, true)
        XCTAssertEqual(put.requestBody?.content.first?.schema?.value["nullable"], true)
        XCTAssertEqual(put.responses.first?.headers.map(\.name), ["ETag"])
        XCTAssertEqual(put.responses.first?.headers.first?.schema?.value, ["type": "string"])
        XCTAssertEqual(put.responses.first?.content, [])
    }

    func testRelativeFileReferences() throws {
        let document = try OpenAPIDocumentReader.read(path: fixture("openapi-documents/petstore-split.yaml"))
        XCTAssertEqual(document.basePath, "/api/v2")
        let get = try XCTUnwrap(document.operation("get", "/pets/{id}"))
        let id = try XCTUnwrap(get.parameters.first)
        XCTAssertEqual(id.name, "id")
        XCTAssertEqual(id.schema?.document, fixture("openapi-documents/common.json"))
        let validator = document.validator
        let idSchema = try XCTUnwrap(id.schema)
        XCTAssertEqual(validator.validate("12", against: idSchema.value, in: idSchema.document, options: .init(mode: .request, coerceStrings: true)), [])
        XCTAssertEqual(validator.validate("x", against: idSchema.value, in: idSchema.document, options: .init(mode: .request, coerceStrings: true)).count, 1)

        let pet = try XCTUnwrap(get.response(forStatus: 200)?.response.content.first?.schema)
        XCTAssertEqual(validator.validate(["id": 1, "name": "Rex", "owner": ["name": "Ann"]], against: pet.value, in: pet.document, options: .init(mode: .response)), [])
        XCTAssertEqual(
            validator.validate(["id": "1", "owner": ["name": 2, "age": 3]], against: pet.value, in: pet.document, options: .init(mode: .response)).map(\.description),
            ["[root].id: must be integer", "[root].owner.age: must NOT have additional properties", "[root].owner.name: must be string"]
        )
        let error = try XCTUnwrap(get.response(forStatus: 500))
        XCTAssertEqual(error.match, .default)
        XCTAssertEqual(error.response.content.first?.schema?.document, fixture("openapi-documents/common.json"))
    }
}
