#if OpenAPI
import Foundation
import PactModel

/// A realistic OpenAPI 3.0 document of `resources` × 10 paths (200 for 20 resources) and a pact exercising it: path,
/// query and header parameters, `$ref`d request and response schemas, `allOf`, a `oneOf` with a discriminator,
/// `{a}.{b}` and `{year}-{month}` segments, literal paths beside templated ones, several statuses, a status range,
/// bearer and API-key security, a base path. Every `errorEvery`-th interaction carries one error.
struct OpenAPIBenchInputs {
    static let names = [
        "pets", "owners", "orders", "invoices", "customers", "products", "suppliers", "shipments", "payments", "refunds",
        "reviews", "coupons", "carts", "stores", "employees", "vehicles", "routes", "tickets", "events", "venues",
    ]

    let resources: [String]
    /// The document as JSON; `yaml` writes it as YAML.
    let document: JSONValue
    let pact: Pact
    /// Indexes of the interactions that must have at least one error.
    let expectedErrors: Set<Int>

    init(resources count: Int = 20, interactions: Int = 1_000, errorEvery: Int = 10) {
        resources = (0..<count).map { index in
            let name = Self.names[index % Self.names.count]
            return index < Self.names.count ? name : "\(name)\(index / Self.names.count)"
        }
        document = Self.document(resources)
        var built: [Interaction] = []
        var errors: Set<Int> = []
        for index in 0..<interactions {
            let resource = resources[index % resources.count]
            let variant = (index / resources.count) % Self.variantCount
            let error = index % errorEvery == errorEvery - 1 ? (index / errorEvery) % Self.errorKinds : nil
            if error != nil { errors.insert(index) }
            built.append(.http(Self.interaction(index, resource: resource, variant: variant, error: error)))
        }
        pact = Pact(consumer: "bench-consumer", provider: "bench-provider", interactions: built)
        expectedErrors = errors
    }

    static func type(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
    static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/" + schema)] }

    // MARK: The document

    static func document(_ resources: [String]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = sharedSchemas
        for name in resources {
            for (path, item) in self.paths(name) { paths[path] = item }
            for (schema, value) in self.schemas(name) { schemas[schema] = value }
        }
        let error: JSONValue = ["application/json": ["schema": ref("Error")]]
        return [
            "openapi": "3.0.3",
            "info": ["title": "Bench API", "version": "2.0.0"],
            "servers": [["url": "https://api.example.com/v2"]],
            "security": [["bearer": []]],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "parameters": [
                    "Id": ["name": "id", "in": "path", "required": true, "schema": ["type": "integer", "format": "int64", "minimum": 1]],
                    "Limit": ["name": "limit", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 20]],
                    "Offset": ["name": "offset", "in": "query", "schema": ["type": "integer", "minimum": 0]],
                    "TraceId": ["name": "X-Trace-Id", "in": "header", "schema": ["type": "string", "format": "uuid"]],
                ],
                "responses": [
                    "NotFound": ["description": "not found", "content": error],
                    "BadRequest": ["description": "bad request", "content": error],
                ],
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer"],
                    "apiKey": ["type": "apiKey", "in": "header", "name": "X-API-Key"],
                ],
            ],
        ]
    }

    static let sharedSchemas: [String: JSONValue] = [
        "Error": [
            "type": "object", "required": ["code", "message"],
            "properties": ["code": ["type": "integer"], "message": ["type": "string"], "details": ["type": "array", "items": ["type": "string"]]],
        ],
        "Base": [
            "type": "object", "required": ["id", "created"],
            "properties": [
                "id": ["type": "integer", "format": "int64", "minimum": 1],
                "created": ["type": "string", "format": "date-time"],
                "etag": ["type": "string", "pattern": #"^W/"[0-9a-f]{8}"$"#],
            ],
        ],
        "Money": [
            "type": "object", "required": ["amount", "currency"],
            "properties": ["amount": ["type": "number", "minimum": 0], "currency": ["type": "string", "enum": ["GBP", "EUR", "USD"]]],
        ],
        "ActiveStatus": [
            "type": "object", "required": ["kind", "since"],
            "properties": ["kind": ["type": "string", "enum": ["active"]], "since": ["type": "string", "format": "date"]],
        ],
        "ClosedStatus": [
            "type": "object", "required": ["kind", "reason"],
            "properties": ["kind": ["type": "string", "enum": ["closed"]], "reason": ["type": "string", "maxLength": 200]],
        ],
        "Status": [
            "oneOf": [ref("ActiveStatus"), ref("ClosedStatus")],
            "discriminator": [
                "propertyName": "kind",
                "mapping": ["active": "#/components/schemas/ActiveStatus", "closed": "#/components/schemas/ClosedStatus"],
            ],
        ],
        "Change": [
            "type": "object", "required": ["at", "change"],
            "properties": ["at": ["type": "string", "format": "date-time"], "change": ["type": "string"], "by": ["type": "string", "format": "email"]],
        ],
    ]

    static func schemas(_ name: String) -> [String: JSONValue] {
        let type = type(name)
        let fields: JSONValue = [
            "name": ["type": "string", "minLength": 1, "maxLength": 80],
            "price": ref("Money"),
            "tags": ["type": "array", "items": ["type": "string"], "maxItems": 10],
        ]
        var own = fields.objectValue!
        own["status"] = ref("Status")
        own["notes"] = ["type": "string", "nullable": true]
        return [
            type: ["allOf": [ref("Base"), ["type": "object", "required": ["name", "price", "status"], "properties": .object(own)]]],
            "New\(type)": ["type": "object", "required": ["name", "price"], "additionalProperties": false, "properties": fields],
            "\(type)Page": [
                "type": "object", "required": ["items", "total"],
                "properties": ["items": ["type": "array", "items": ref(type)], "total": ["type": "integer"], "next": ["type": "string", "format": "uri"]],
            ],
            "\(type)Line": [
                "type": "object", "required": ["sku", "quantity"],
                "properties": ["sku": ["type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$"], "quantity": ["type": "integer", "minimum": 1], "price": ref("Money")],
            ],
            "\(type)Query": [
                "type": "object",
                "properties": ["text": ["type": "string"], "tag": ["type": "string"], "limit": ["type": "integer", "maximum": 100]],
                "anyOf": [["required": ["text"]], ["required": ["tag"]]],
            ],
        ]
    }

    static func json(_ schema: JSONValue) -> JSONValue { ["application/json": ["schema": schema]] }
    static func response(_ description: String, _ schema: JSONValue? = nil, headers: JSONValue? = nil) -> JSONValue {
        var response: [String: JSONValue] = ["description": .string(description)]
        if let schema { response["content"] = json(schema) }
        if let headers { response["headers"] = headers }
        return .object(response)
    }
    static let notFound: JSONValue = ["$ref": "#/components/responses/NotFound"]
    static let badRequest: JSONValue = ["$ref": "#/components/responses/BadRequest"]
    static let idParameter: JSONValue = ["$ref": "#/components/parameters/Id"]
    static let trace: JSONValue = ["$ref": "#/components/parameters/TraceId"]

    static func body(_ schema: JSONValue) -> JSONValue { ["required": true, "content": json(schema)] }

    static func paths(_ name: String) -> [String: JSONValue] {
        let type = type(name)
        let base = "/" + name
        return [
            base: [
                "get": [
                    "operationId": .string("list\(type)"), "security": [],
                    "parameters": [
                        ["$ref": "#/components/parameters/Limit"], ["$ref": "#/components/parameters/Offset"], trace,
                        ["name": "sort", "in": "query", "schema": ["type": "string", "enum": ["name", "-name", "created"]]],
                        ["name": "q", "in": "query", "schema": ["type": "string", "maxLength": 50]],
                    ],
                    "responses": ["200": response("a page", ref("\(type)Page")), "400": badRequest],
                ],
                "post": [
                    "operationId": .string("create\(type)"), "requestBody": body(ref("New\(type)")),
                    "responses": [
                        "201": response("created", ref(type), headers: ["Location": ["required": true, "schema": ["type": "string"]]]),
                        "400": badRequest, "422": response("invalid", ref("Error")),
                    ],
                ],
            ],
            base + "/{id}": [
                "parameters": [idParameter],
                "get": ["parameters": [trace], "responses": ["200": response("one", ref(type)), "404": notFound]],
                "put": ["requestBody": body(ref("New\(type)")), "responses": ["200": response("updated", ref(type)), "404": notFound]],
                "delete": ["responses": ["204": response("deleted"), "404": notFound]],
            ],
            base + "/mine": ["get": ["responses": ["200": response("mine", ref("\(type)Page"))]]],
            base + "/{id}/history": [
                "parameters": [idParameter],
                "get": [
                    "parameters": [["name": "since", "in": "query", "required": true, "schema": ["type": "string", "format": "date"]]],
                    "responses": ["200": response("changes", ["type": "array", "items": ref("Change")]), "default": response("error", ref("Error"))],
                ],
            ],
            base + "/{id}/lines": [
                "parameters": [idParameter],
                "get": ["responses": ["200": response("lines", ["type": "array", "items": ref("\(type)Line")])]],
                "post": ["requestBody": body(ref("\(type)Line")), "responses": ["201": response("added", ref("\(type)Line")), "404": notFound]],
            ],
            base + "/{id}/lines/{sku}": [
                "parameters": [idParameter, ["name": "sku", "in": "path", "required": true, "schema": ["type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$"]]],
                "get": ["responses": ["200": response("line", ref("\(type)Line")), "404": notFound]],
                "patch": [
                    "requestBody": body(["type": "object", "required": ["quantity"], "properties": ["quantity": ["type": "integer", "minimum": 1]]]),
                    "responses": ["200": response("line", ref("\(type)Line"))],
                ],
                "delete": ["responses": ["204": response("removed")]],
            ],
            base + "/search": [
                "post": [
                    "security": [["apiKey": []]], "requestBody": body(ref("\(type)Query")),
                    "responses": ["200": response("found", ref("\(type)Page")), "400": badRequest],
                ],
            ],
            base + "/{id}.{format}": [
                "get": [
                    "parameters": [idParameter, ["name": "format", "in": "path", "required": true, "schema": ["type": "string", "enum": ["json", "csv"]]]],
                    "responses": [
                        "200": ["description": "export", "content": ["application/json": ["schema": ref(type)], "text/csv": ["schema": ["type": "string"]]]],
                    ],
                ],
            ],
            base + "/{id}/status": [
                "parameters": [idParameter],
                "put": [
                    "requestBody": body(ref("Status")),
                    "responses": ["200": response("status", ref("Status")), "409": response("conflict", ref("Error"))],
                ],
            ],
            base + "/exports/{year}-{month}": [
                "get": [
                    "parameters": [
                        ["name": "year", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 2000]],
                        ["name": "month", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1, "maximum": 12]],
                    ],
                    "responses": [
                        "200": response("export", ["type": "object", "required": ["url"], "properties": ["url": ["type": "string", "format": "uri"], "size": ["type": "integer"]]]),
                        "4XX": response("error", ref("Error")),
                    ],
                ],
            ],
        ]
    }

    // MARK: The pact

    static let variantCount = 17
    static let errorKinds = 7

    static func record(_ id: Int, closed: Bool = false) -> JSONValue {
        [
            "id": .int(id), "created": "2026-11-02T10:15:30Z", "etag": "W/\"0badcafe\"",
            "name": .string("item \(id)"), "price": ["amount": 12.5, "currency": "GBP"],
            "status": closed ? ["kind": "closed", "reason": "sold"] : ["kind": "active", "since": "2026-01-31"],
            "tags": ["new", "sale"], "notes": .null,
        ]
    }
    static func line(_ id: Int) -> JSONValue { ["sku": .string(String(format: "ABC-%04d", id % 10_000)), "quantity": 2, "price": ["amount": 3, "currency": "EUR"]] }

    static func interaction(_ index: Int, resource: String, variant: Int, error: Int?) -> HTTPInteraction {
        let id = index + 1
        let base = "/v2/" + resource
        let auth: Headers = ["Authorization": ["Bearer token-\(id)"]]
        var headers = auth
        func jsonBody(_ value: JSONValue) -> Body { .json(value, contentType: .json) }
        var request: PactRequest
        var status = 200
        var responseBody: Body = .missing
        var responseHeaders: Headers = ["Content-Type": ["application/json"]]
        switch variant {
        case 0:
            request = PactRequest(method: "GET", path: base, query: [QueryParameter(name: "limit", values: ["10"]), QueryParameter(name: "sort", values: ["-name"])], headers: [:])
            responseBody = jsonBody(["items": [record(id), record(id + 1, closed: true)], "total": 2, "next": .string("https://api.example.com\(base)?offset=10")])
        case 1:
            headers["Content-Type"] = ["application/json"]
            request = PactRequest(method: "POST", path: base, headers: headers, body: jsonBody(["name": .string("item \(id)"), "price": ["amount": 12.5, "currency": "GBP"], "tags": ["new"]]))
            status = 201
            responseHeaders["Location"] = ["\(base)/\(id)"]
            responseBody = jsonBody(record(id))
        case 2:
            headers["X-Trace-Id"] = ["0f8fad5b-d9cb-469f-a165-70867728950e"]
            request = PactRequest(method: "GET", path: "\(base)/\(id)", headers: headers)
            responseBody = jsonBody(record(id))
        case 3:
            request = PactRequest(method: "GET", path: "\(base)/\(id + 100_000)", headers: headers)
            status = 404
            responseBody = jsonBody(["code": 404, "message": "not found"])
        case 4:
            headers["Content-Type"] = ["application/json"]
            request = PactRequest(method: "PUT", path: "\(base)/\(id)", headers: headers, body: jsonBody(["name": "renamed", "price": ["amount": 1, "currency": "USD"]]))
            responseBody = jsonBody(record(id))
        case 5:
            request = PactRequest(method: "DELETE", path: "\(base)/\(id)", headers: headers)
            status = 204
            responseHeaders = [:]
        case 6:
            request = PactRequest(method: "GET", path: "\(base)/mine", headers: headers)
            responseBody = jsonBody(["items": [record(id)], "total": 1])
        case 7:
            request = PactRequest(method: "GET", path: "\(base)/\(id)/history", query: [QueryParameter(name: "since", values: ["2026-01-01"])], headers: headers)
            responseBody = jsonBody([["at": "2026-02-03T04:05:06Z", "change": "created", "by": "someone@example.com"], ["at": "2026-02-04T04:05:06+01:00", "change": "renamed"]])
        case 8:
            request = PactRequest(method: "GET", path: "\(base)/\(id)/lines", headers: headers)
            responseBody = jsonBody(.array((0..<5).map { line(id + $0) }))
        case 9:
            headers["Content-Type"] = ["application/json"]
            request = PactRequest(method: "POST", path: "\(base)/\(id)/lines", headers: headers, body: jsonBody(line(id)))
            status = 201
            responseBody = jsonBody(line(id))
        case 10:
            request = PactRequest(method: "GET", path: "\(base)/\(id)/lines/ABC-\(String(format: "%04d", id % 10_000))", headers: headers)
            responseBody = jsonBody(line(id))
        case 11:
            headers["Content-Type"] = ["application/json"]
            request = PactRequest(method: "PATCH", path: "\(base)/\(id)/lines/XYZ-0001", headers: headers, body: jsonBody(["quantity": 3]))
            responseBody = jsonBody(line(id))
        case 12:
            request = PactRequest(method: "DELETE", path: "\(base)/\(id)/lines/XYZ-0001", headers: headers)
            status = 204
            responseHeaders = [:]
        case 13:
            request = PactRequest(method: "POST", path: "\(base)/search", headers: ["X-API-Key": ["key-\(id)"], "Content-Type": ["application/json"]], body: jsonBody(["text": "blue", "limit": 5]))
            responseBody = jsonBody(["items": [], "total": 0])
        case 14:
            request = PactRequest(method: "GET", path: "\(base)/\(id).json", headers: headers.merging(["Accept": ["application/json"]]) { a, _ in a })
            responseBody = jsonBody(record(id))
        case 15:
            headers["Content-Type"] = ["application/json"]
            request = PactRequest(method: "PUT", path: "\(base)/\(id)/status", headers: headers, body: jsonBody(["kind": "closed", "reason": "sold out"]))
            responseBody = jsonBody(["kind": "closed", "reason": "sold out"])
        default:
            request = PactRequest(method: "GET", path: "\(base)/exports/2026-\(id % 12 + 1)", headers: headers)
            responseBody = jsonBody(["url": "https://files.example.com/export.csv", "size": 1024])
        }
        if let error {
            switch error {
            case 0: request.path = base + "/\(id)/unknown"                      // request.path-or-method.unknown
            case 1: responseBody = jsonBody(["code": "oops"])                    // a response body error
                if status == 204 { status = 404 }
            case 2: request = PactRequest(method: "GET", path: "\(base)/\(id)", headers: auth)   // response.status.unknown
                status = 418; responseBody = jsonBody(["code": 418, "message": "teapot"])
            case 3: request.path = "\(base)/not-a-number/lines"                  // a path parameter of the wrong type
            case 4: request.query = [QueryParameter(name: "sort", values: ["bogus"])]
                request.path = base; request.method = "GET"; request.body = .missing
                status = 200; responseBody = jsonBody(["items": [], "total": 0])
            case 5: request.method = "POST"; request.path = base; status = 201   // additionalProperties false in the request
                request.headers = ["Authorization": ["Bearer t"], "Content-Type": ["application/json"]]
                request.body = jsonBody(["name": "x", "price": ["amount": 1, "currency": "GBP"], "colour": "red"])
                responseHeaders["Location"] = ["\(base)/1"]; responseBody = jsonBody(record(id))
            default: responseBody = jsonBody(["items": [record(id)], "total": "many"])  // wrong type deep in a response
                request = PactRequest(method: "GET", path: base, headers: [:]); status = 200
            }
        }
        let response = PactResponse(status: status, headers: responseBody == .missing ? [:] : responseHeaders, body: responseBody)
        let info = InteractionInfo(description: "interaction \(index): \(request.method) \(request.path)", providerStates: [ProviderState(name: "\(resource) \(id) exists")])
        return HTTPInteraction(info: info, request: request, response: response)
    }
}

/// `value` as block-style YAML (strings double-quoted, JSON escapes being YAML escapes too).
func yamlText(_ value: JSONValue) -> String {
    var out = ""
    func scalar(_ value: JSONValue) -> String {
        switch value {
        case .object(let members) where members.isEmpty: "{}"
        case .array(let elements) where elements.isEmpty: "[]"
        default: JSONWriter.compact(value)
        }
    }
    func isBlock(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): !members.isEmpty
        case .array(let elements): !elements.isEmpty
        default: false
        }
    }
    func write(_ value: JSONValue, indent: String) {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let member = members[key]!
                out += indent + JSONWriter.compact(.string(key)) + ":"
                if isBlock(member) { out += "\n"; write(member, indent: indent + "  ") } else { out += " " + scalar(member) + "\n" }
            }
        case .array(let elements):
            for element in elements {
                if isBlock(element) {
                    // `- ` then the block indented under it.
                    var nested = ""
                    swap(&nested, &out)
                    write(element, indent: indent + "  ")
                    swap(&nested, &out)
                    out += indent + "- " + nested.dropFirst(indent.count + 2)
                } else {
                    out += indent + "- " + scalar(element) + "\n"
                }
            }
        default:
            out += indent + scalar(value) + "\n"
        }
    }
    write(value, indent: "")
    return out
}
#endif
