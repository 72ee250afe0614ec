import PactModel
import PactOpenAPI
import XCTest

/// A pet store touching every check: path, header and query parameters, bearer security, a JSON, form and text
/// request body, documented response headers, status ranges and `default`, bodies without schemas.
let petsYAML = """
    openapi: 3.0.3
    info: {title: pets, version: '1'}
    servers:
      - url: /v1
    paths:
      /pets/{id}:
        get:
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
            - {name: X-Trace, in: header, required: true, schema: {type: string, pattern: '^[a-z]+$'}}
            - {name: limit, in: query, schema: {type: integer, maximum: 10}}
            - {name: tags, in: query, schema: {type: array, items: {type: string, enum: [a, b]}}}
          security:
            - bearer: []
          responses:
            '200':
              description: ok
              headers:
                X-Rate: {schema: {type: integer}}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
            '4XX':
              description: client error
              content:
                application/json:
                  schema: {type: object, properties: {message: {type: string}}}
            default:
              description: anything else
      /pets:
        post:
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/NewPet'}
              application/x-www-form-urlencoded:
                schema: {type: object, properties: {name: {type: string, minLength: 2}}}
              text/plain:
                schema: {type: string}
          responses:
            '201':
              description: created
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
                text/plain:
                  schema: {type: string}
      /status:
        get:
          responses:
            '204': {description: nothing}
      /keyed:
        get:
          security:
            - key: []
          responses:
            '204': {description: nothing}
      /nobody:
        get:
          responses:
            '200':
              description: a body without a schema
              content:
                application/json: {}
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
        key: {type: apiKey, in: query, name: api_key}
      schemas:
        Pet:
          type: object
          required: [id, name]
          properties:
            id: {type: integer}
            name: {type: string}
        NewPet:
          type: object
          required: [name]
          properties:
            name: {type: string}
    """

/// The pet store, read.
func petsDocument(file: StaticString = #filePath, line: UInt = #line) throws -> OpenAPIDocument {
    try OpenAPIDocumentReader.read(text: petsYAML, name: "pets.yaml")
}

/// The headers of a valid `GET /v1/pets/1`.
let petHeaders = ["Authorization": "Bearer token", "X-Trace": "abc"]

/// A V2 interaction as JSON; by default a valid `GET /v1/pets/1` answered with a pet. `body` and `responseBody`
/// are JSON text.
func interaction(
    _ description: String = "a request for pet 1", state: String? = nil, method: String = "GET", path: String = "/v1/pets/1",
    query: String? = nil, headers: [String: String] = petHeaders, body: String? = nil, status: Int = 200,
    responseHeaders: [String: String] = ["Content-Type": "application/json"], responseBody: String? = #"{"id": 1, "name": "Rex"}"#
) -> JSONValue {
    var request: [String: JSONValue] = ["method": .string(method), "path": .string(path), "headers": .object(headers.mapValues { .string($0) })]
    if let query { request["query"] = .string(query) }
    if let body { request["body"] = json(body) }
    var response: [String: JSONValue] = ["status": .number(JSONNumber(status)), "headers": .object(responseHeaders.mapValues { .string($0) })]
    if let responseBody { response["body"] = json(responseBody) }
    var value: [String: JSONValue] = ["description": .string(description), "request": .object(request), "response": .object(response)]
    if let state { value["providerState"] = .string(state) }
    return .object(value)
}

/// A V2 pact of `interactions`.
func pact(_ interactions: [JSONValue]) throws -> Pact {
    try PactReader.read(json: .object([
        "consumer": .object(["name": "consumer"]), "provider": .object(["name": "provider"]),
        "interactions": .array(interactions), "metadata": .object(["pactSpecification": .object(["version": "2.0.0"])]),
    ]))
}

/// The results of checking `interactions` against the pet store (or `document`).
func results(_ interactions: JSONValue..., document: OpenAPIDocument? = nil, basePath: String? = nil) throws -> [OpenAPICheckResult] {
    let comparator = OpenAPIComparator(document: try document ?? petsDocument(), basePath: basePath)
    return comparator.compare(try pact(interactions)).results
}

/// Just the codes, in order.
func codes(_ interactions: JSONValue..., document: OpenAPIDocument? = nil) throws -> [String] {
    let comparator = OpenAPIComparator(document: try document ?? petsDocument())
    return comparator.compare(try pact(interactions)).results.map(\.code.rawValue)
}
