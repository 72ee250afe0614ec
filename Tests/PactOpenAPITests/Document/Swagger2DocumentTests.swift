import PactModel
import PactOpenAPI
import XCTest

final class Swagger2DocumentTests: XCTestCase {
    private let petstore = """
        swagger: "2.0"
        info: {title: Pets, version: "1"}
        basePath: /v1/
        produces: [application/json]
        securityDefinitions:
          basicAuth: {type: basic}
          token: {type: apiKey, in: header, name: X-Token}
        security: [{basicAuth: []}]
        parameters:
          Page: {name: page, in: query, type: integer, minimum: 1, collectionFormat: csv}
        definitions:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
        responses:
          NotFound:
            description: not found
            schema: {type: object, properties: {message: {type: string}}}
        paths:
          /pets:
            get:
              parameters:
                - $ref: '#/parameters/Page'
                - {name: X-Id, in: header, type: string, format: uuid, required: true}
              responses:
                200:
                  description: pets
                  headers:
                    X-Rate: {type: integer}
                  schema: {type: array, items: {$ref: '#/definitions/Pet'}}
                404: {$ref: '#/responses/NotFound'}
            post:
              security: [{token: []}]
              consumes: [application/json, application/xml]
              parameters:
                - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
              responses:
                201: {description: created}
          /pets/{id}/photo:
            put:
              consumes: [multipart/form-data]
              parameters:
                - {name: id, in: path, type: integer}
                - {name: caption, in: formData, type: string, required: true}
                - {name: file, in: formData, type: file}
              responses:
                default: {description: done}
        """

    func testSwagger2Operations() throws {
        let document = try OpenAPIDocumentReader.read(text: petstore, name: "swagger.yaml")
        XCTAssertEqual(document.version, .swagger2)
        XCTAssertEqual(document.basePath, "/v1")
        XCTAssertEqual(document.operations.map { "\($0.method) \($0.pathTemplate)" }, ["get /pets", "post /pets", "put /pets/{id}/photo"])

        let list = try XCTUnwrap(document.operation("get", "/pets"))
        XCTAssertTrue(list.requiresAuthorizationHeader, "basic authentication")
        XCTAssertEqual(list.parameters.map { "\($0.location.rawValue) \($0.name) \($0.required)" }, ["query page false", "header X-Id true"])
        XCTAssertEqual(list.parameters.first?.schema?.value, ["type": "integer", "minimum": 1], "the parameter's own keywords are its schema")
        let ok = try XCTUnwrap(list.response(forStatus: 200)?.response)
        XCTAssertEqual(ok.content.map(\.mediaType), ["application/json"])
        XCTAssertEqual(ok.headers.first?.schema?.value, ["type": "integer"])
        let validator = document.validator
        let pets = try XCTUnwrap(ok.content.first?.schema)
        XCTAssertEqual(validator.validate([["name": "Rex", "age": 3]], against: pets.value, in: pets.document, options: .init(mode: .response)).map(\.description),
                       ["[root][0].age: must NOT have additional properties"])
        XCTAssertEqual(list.response(forStatus: 404)?.response.content.first?.schema?.value["type"], "object")
    }

    func testBodyAndFormParametersBecomeRequestBodies() throws {
        let document = try OpenAPIDocumentReader.read(text: petstore, name: "swagger.yaml")
        let create = try XCTUnwrap(document.operation("post", "/pets"))
        XCTAssertFalse(create.requiresAuthorizationHeader, "an API key in X-Token")
        XCTAssertEqual(create.security.first?.credentials.first?.name, "X-Token")
        XCTAssertEqual(create.parameters, [])
        XCTAssertEqual(create.requestBody?.required, true)
        XCTAssertEqual(create.requestBody?.content.map(\.mediaType), ["application/json", "application/xml"])

        let photo = try XCTUnwrap(document.operation("put", "/pets/{id}/photo"))
        XCTAssertEqual(photo.parameters.map(\.name), ["id"])
        let form = try XCTUnwrap(photo.requestBody)
        XCTAssertEqual(form.content.map(\.mediaType), ["multipart/form-data"])
        let schema = try XCTUnwrap(form.content.first?.schema)
        XCTAssertEqual(document.validator.validate(["caption": "hi"], against: schema.value, options: .init(mode: .request)), [])
        XCTAssertEqual(document.validator.validate([:], against: schema.value, options: .init(mode: .request)).map(\.message),
                       ["must have required property 'caption'"])
        XCTAssertEqual(photo.response(forStatus: 500)?.match, .default)
    }
}
