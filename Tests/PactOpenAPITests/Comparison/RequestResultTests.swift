import PactModel
import PactOpenAPI
import XCTest

/// Each request result code raised, and not raised by a near miss.
final class RequestResultTests: XCTestCase {
    func testAValidInteractionHasNoResults() throws {
        XCTAssertEqual(try codes(interaction()), [])
    }

    func testPathOrMethodUnknown() throws {
        XCTAssertEqual(try codes(interaction(path: "/v1/cats/1")), ["request.path-or-method.unknown"])
        XCTAssertEqual(try codes(interaction(method: "DELETE")), ["request.path-or-method.unknown"])
        XCTAssertEqual(try codes(interaction(path: "/pets/1")), ["request.path-or-method.unknown"], "the base path /v1 is missing")
        let unknown = try XCTUnwrap(results(interaction(path: "/v1/pets/rex")).first)
        XCTAssertEqual(unknown.message, "Path or method not defined in spec file: GET /v1/pets/rex")
        XCTAssertEqual(unknown.type, .error)
        XCTAssertEqual(unknown.mockDetails.location, "[root].interactions[0].request.path")
        XCTAssertEqual(unknown.mockDetails.value, .string("/v1/pets/rex"))
        XCTAssertEqual(unknown.specDetails.location, "[root].paths")
        XCTAssertNil(unknown.specDetails.pathMethod)
        XCTAssertEqual(try codes(interaction(method: "get", path: "/v1/pets/12")), [])
    }

    func testBasePathCanBeReplaced() throws {
        XCTAssertEqual(try results(interaction(path: "/pets/1"), basePath: "/").map(\.code), [])
        XCTAssertEqual(try results(interaction(path: "/api/pets/1"), basePath: "/api/").map(\.code), [])
        XCTAssertEqual(try results(interaction(), basePath: "/api").map(\.code), [.requestPathOrMethodUnknown])
    }

    func testAuthorizationMissing() throws {
        let missing = try results(interaction(headers: ["X-Trace": "abc"]))
        XCTAssertEqual(missing.map(\.code), [.requestAuthorizationMissing])
        XCTAssertEqual(missing.first?.message, "Request Authorization header is missing but is required by the spec file")
        XCTAssertEqual(missing.first?.mockDetails.location, "[root].interactions[0].request.headers")
        XCTAssertEqual(missing.first?.specDetails.location, "[root].paths./pets/{id}.get")
        XCTAssertEqual(missing.first?.specDetails.pathName, "/pets/{id}")
        XCTAssertEqual(try codes(interaction(headers: ["authorization": "Bearer t", "X-Trace": "abc"])), [])
        // A pact for a refused request is not held to the request's rules.
        XCTAssertEqual(try codes(interaction(headers: ["X-Trace": "abc"], status: 401, responseBody: #"{"message": "no"}"#)), [])
    }

    func testAuthorizationByQueryKey() throws {
        let keyed = try results(interaction(path: "/v1/keyed", headers: [:], status: 204, responseHeaders: [:], responseBody: nil))
        XCTAssertEqual(keyed.map(\.code), [.requestAuthorizationMissing])
        XCTAssertEqual(keyed.first?.message, "Request Authorization query is missing but is required by the spec file")
        // The key's parameter is declared by the scheme: not an unknown query parameter.
        XCTAssertEqual(try codes(interaction(path: "/v1/keyed", query: "api_key=k", headers: [:], status: 204, responseHeaders: [:], responseBody: nil)), [])
    }

    func testAcceptUnknown() throws {
        let status = interaction(path: "/v1/status", headers: ["Accept": "application/json"], status: 204, responseHeaders: [:], responseBody: nil)
        let found = try results(status)
        XCTAssertEqual(found.map(\.code), [.requestAcceptUnknown])
        XCTAssertEqual(found.first?.type, .warning)
        XCTAssertEqual(found.first?.message, "Request Accept header is defined but the spec does not specify any mime-types to produce")
        XCTAssertEqual(try codes(interaction(headers: petHeaders.merging(["Accept": "application/json"]) { $1 })), [])
    }

    func testAcceptIncompatible() throws {
        let html = try results(interaction(headers: petHeaders.merging(["Accept": "text/html"]) { $1 }))
        XCTAssertEqual(html.map(\.code), [.requestAcceptIncompatible])
        XCTAssertEqual(html.first?.message, "Request Accept header is incompatible with the mime-types the spec defines to produce")
        XCTAssertEqual(html.first?.mockDetails.location, "[root].interactions[0].request.headers.accept")
        for accept in ["application/vnd.pets.v1+json", "*/*", "application/*", "text/html;q=0.5, application/json"] {
            XCTAssertEqual(try codes(interaction(headers: petHeaders.merging(["Accept": accept]) { $1 })), [], accept)
        }
    }

    func testContentTypeUnknown() throws {
        let status = interaction(path: "/v1/status", headers: ["Content-Type": "application/json"], status: 204, responseHeaders: [:], responseBody: nil)
        XCTAssertEqual(try codes(status), ["request.content-type.unknown"])
        XCTAssertEqual(try codes(newPet(contentType: "application/json", body: #"{"name": "Rex"}"#)), [])
    }

    func testContentTypeIncompatibleSkipsTheBody() throws {
        let xml = try results(newPet(contentType: "application/xml", body: #""<pet/>""#))
        XCTAssertEqual(xml.map(\.code), [.requestContentTypeIncompatible])
        XCTAssertEqual(xml.first?.message, "Request Content-Type header is incompatible with the mime-types the spec accepts to consume")
        XCTAssertEqual(xml.first?.specDetails.location, "[root].paths./pets.post.requestBody.content")
        XCTAssertEqual(try codes(newPet(contentType: "application/json; charset=utf-8", body: #"{"name": "Rex"}"#)), [])
    }

    func testContentTypeMissing() throws {
        let missing = try results(newPet(contentType: nil, body: #"{"name": "Rex"}"#))
        XCTAssertEqual(missing.map(\.code), [.requestContentTypeMissing])
        XCTAssertEqual(missing.first?.type, .warning)
        XCTAssertEqual(missing.first?.message, "Request content type header is not defined but spec specifies mime-types to consume")
        XCTAssertEqual(try codes(newPet(contentType: "application/json", body: #"{"name": "Rex"}"#)), [])
    }

    func testHeaderIncompatible() throws {
        let upper = try results(interaction(headers: ["Authorization": "Bearer t", "X-Trace": "ABC"]))
        XCTAssertEqual(upper.map(\.code), [.requestHeaderIncompatible])
        XCTAssertEqual(upper.first?.message, #"Value is incompatible with the parameter defined in the spec file: must match pattern "^[a-z]+$""#)
        XCTAssertEqual(upper.first?.mockDetails.location, "[root].interactions[0].request.headers.X-Trace")
        XCTAssertEqual(upper.first?.mockDetails.value, .string("ABC"))
        let missing = try results(interaction(headers: ["Authorization": "Bearer t"]))
        XCTAssertEqual(missing.map(\.message), ["Value is incompatible with the parameter defined in the spec file: must have required property 'X-Trace'"])
        XCTAssertEqual(try codes(interaction(headers: ["Authorization": "Bearer t", "x-trace": "lower"])), [])
    }

    func testHeaderUnknown() throws {
        let extra = try results(interaction(headers: petHeaders.merging(["X-Other": "1"]) { $1 }))
        XCTAssertEqual(extra.map(\.code), [.requestHeaderUnknown])
        XCTAssertEqual(extra.first?.type, .warning)
        XCTAssertEqual(extra.first?.message, "Request header is not defined in the spec file: x-other")
        XCTAssertEqual(try codes(interaction(headers: petHeaders.merging(["User-Agent": "curl", "Cache-Control": "no-cache"]) { $1 })), [])
    }

    func testQueryIncompatible() throws {
        let large = try results(interaction(query: "limit=20"))
        XCTAssertEqual(large.map(\.code), [.requestQueryIncompatible])
        XCTAssertEqual(large.first?.message, "Value is incompatible with the parameter defined in the spec file: must be <= 10")
        XCTAssertEqual(large.first?.mockDetails.location, "[root].interactions[0].request.query.limit")
        XCTAssertEqual(try codes(interaction(query: "limit=ten")), ["request.query.incompatible"])
        XCTAssertEqual(try codes(interaction(query: "tags=a,c")), ["request.query.incompatible"])
        XCTAssertEqual(try codes(interaction(query: "limit=5&tags=a,b")), [])
        XCTAssertEqual(try codes(interaction(query: "tags=a&tags=b")), [])
    }

    func testQueryUnknown() throws {
        let extra = try results(interaction(query: "limit=5&sort=name"))
        XCTAssertEqual(extra.map(\.code), [.requestQueryUnknown])
        XCTAssertEqual(extra.first?.type, .warning)
        XCTAssertEqual(extra.first?.message, "Query parameter is not defined in the spec file: sort")
        XCTAssertEqual(extra.first?.mockDetails.value, .string("name"))
        XCTAssertEqual(try codes(interaction(query: "limit=5")), [])
    }

    func testBodyUnvalidatable() throws {
        let text = try results(newPet(contentType: "text/plain", body: #""Rex""#))
        XCTAssertEqual(text.map(\.code), [.requestBodyUnvalidatable])
        XCTAssertEqual(text.first?.type, .warning)
        XCTAssertEqual(text.first?.message, "Body with content type 'text/plain' is not supported by the spec comparator")
        XCTAssertEqual(try codes(newPet(contentType: "application/json", body: #"{"name": "Rex"}"#)), [])
    }

    func testBodyIncompatible() throws {
        let number = try results(newPet(contentType: "application/json", body: #"{"name": 5}"#))
        XCTAssertEqual(number.map(\.code), [.requestBodyIncompatible])
        XCTAssertEqual(number.first?.message, "Request body is incompatible with the request body schema in the spec file: must be string")
        XCTAssertEqual(number.first?.mockDetails.location, "[root].interactions[0].request.body.name")
        XCTAssertEqual(number.first?.mockDetails.value, .number(JSONNumber(5)))
        let nameless = try results(newPet(contentType: "application/json", body: #"{"age": 5}"#))
        XCTAssertEqual(nameless.map(\.message), ["Request body is incompatible with the request body schema in the spec file: must have required property 'name'"])
        XCTAssertEqual(try codes(newPet(contentType: "application/x-www-form-urlencoded", body: #""name=R""#)), ["request.body.incompatible"])
        // Requests are plain JSON Schema: an extra property is allowed.
        XCTAssertEqual(try codes(newPet(contentType: "application/json", body: #"{"name": "Rex", "age": 5}"#)), [])
        XCTAssertEqual(try codes(newPet(contentType: "application/x-www-form-urlencoded", body: #""name=Rex""#)), [])
        // A required body that is missing.
        XCTAssertEqual(try codes(newPet(contentType: nil, body: nil)), ["request.body.incompatible"])
    }

    func testBodyUnknown() throws {
        let status = interaction(path: "/v1/status", headers: [:], body: #"{"check": true}"#, status: 204, responseHeaders: [:], responseBody: nil)
        let found = try results(status)
        XCTAssertEqual(found.map(\.code), [.requestBodyUnknown])
        XCTAssertEqual(found.first?.type, .warning)
        XCTAssertEqual(found.first?.message, "No matching schema found for request body")
        XCTAssertEqual(try codes(interaction(path: "/v1/status", headers: [:], status: 204, responseHeaders: [:], responseBody: nil)), [])
    }
}

/// `POST /v1/pets` with `body` (JSON text) answered 201 with a pet.
func newPet(contentType: String?, body: String?) -> JSONValue {
    interaction(
        "a new pet", method: "POST", path: "/v1/pets", headers: contentType.map { ["Content-Type": $0] } ?? [:], body: body, status: 201
    )
}
