import PactModel
import PactOpenAPI
import XCTest

/// Each response result code raised, and not raised by a near miss.
final class ResponseResultTests: XCTestCase {
    func testStatusUnknown() throws {
        let failed = try results(newPet(status: 500, responseBody: nil))
        XCTAssertEqual(failed.map(\.code), [.responseStatusUnknown])
        XCTAssertEqual(failed.first?.message, "Response status code not defined in spec file: 500")
        XCTAssertEqual(failed.first?.mockDetails.location, "[root].interactions[0].response.status")
        XCTAssertEqual(failed.first?.mockDetails.value, .number(JSONNumber(500)))
        XCTAssertEqual(failed.first?.specDetails.location, "[root].paths./pets.post.responses")
        XCTAssertEqual(try codes(newPet(status: 201, responseBody: #"{"id": 1, "name": "Rex"}"#)), [])
    }

    func testStatusDefault() throws {
        let unavailable = try results(interaction(status: 503, responseHeaders: [:], responseBody: nil))
        XCTAssertEqual(unavailable.map(\.code), [.responseStatusDefault])
        XCTAssertEqual(unavailable.first?.type, .warning)
        XCTAssertEqual(unavailable.first?.message, "Response status code matched default response in spec file: 503")
        // 404 is documented by its range, 4XX: no warning.
        XCTAssertEqual(try codes(interaction(status: 404, responseBody: #"{"message": "not found"}"#)), [])
    }

    func testHeaderIncompatible() throws {
        let rate = try results(interaction(responseHeaders: ["Content-Type": "application/json", "X-Rate": "many"]))
        XCTAssertEqual(rate.map(\.code), [.responseHeaderIncompatible])
        XCTAssertEqual(rate.first?.message, "Value is incompatible with the parameter defined in the spec file: must be integer")
        XCTAssertEqual(rate.first?.mockDetails.location, "[root].interactions[0].response.headers.X-Rate")
        XCTAssertEqual(try codes(interaction(responseHeaders: ["Content-Type": "application/json", "x-rate": "5"])), [])
    }

    func testHeaderUndefined() throws {
        let cache = try results(interaction(responseHeaders: ["Content-Type": "application/json", "Cache-Control": "no-cache"]))
        XCTAssertEqual(cache.map(\.code), [.responseHeaderUndefined])
        XCTAssertEqual(cache.first?.type, .warning)
        XCTAssertEqual(cache.first?.message, "Standard http response header is not defined in the spec file: cache-control")
        XCTAssertEqual(try codes(interaction()), [])
    }

    func testHeaderUnknown() throws {
        let custom = try results(interaction(responseHeaders: ["Content-Type": "application/json", "X-Custom": "1"]))
        XCTAssertEqual(custom.map(\.code), [.responseHeaderUnknown])
        XCTAssertEqual(custom.first?.type, .error)
        XCTAssertEqual(custom.first?.message, "Response header is not defined in the spec file: x-custom")
        XCTAssertEqual(custom.first?.specDetails.location, "[root].paths./pets/{id}.get.responses.200.headers")
        XCTAssertEqual(try codes(interaction(responseHeaders: ["Content-Type": "application/json", "X-Rate": "1"])), [])
    }

    func testContentTypeUnknown() throws {
        let status = interaction(path: "/v1/status", headers: [:], status: 204, responseHeaders: ["Content-Type": "application/json"], responseBody: nil)
        let found = try results(status)
        XCTAssertEqual(found.map(\.code), [.responseContentTypeUnknown])
        XCTAssertEqual(found.first?.type, .warning)
        XCTAssertEqual(found.first?.message, "Response Content-Type header is defined but the spec does not specify any mime-types to produce")
        XCTAssertEqual(try codes(interaction(path: "/v1/status", headers: [:], status: 204, responseHeaders: [:], responseBody: nil)), [])
    }

    func testContentTypeIncompatibleSkipsTheBody() throws {
        let html = try results(interaction(responseHeaders: ["Content-Type": "text/html"], responseBody: #""<p>Rex</p>""#))
        XCTAssertEqual(html.map(\.code), [.responseContentTypeIncompatible])
        XCTAssertEqual(html.first?.message, "Response Content-Type header is incompatible with the mime-types the spec defines to produce")
        XCTAssertEqual(html.first?.specDetails.location, "[root].paths./pets/{id}.get.responses.200.content")
        XCTAssertEqual(try codes(interaction(responseHeaders: ["Content-Type": "application/json;charset=utf-8"])), [])
        XCTAssertEqual(try codes(interaction(responseHeaders: ["Content-Type": "application/hal+json"])), [])
    }

    func testBodyUnvalidatable() throws {
        let text = try results(newPet(accept: "text/plain", status: 201, responseHeaders: ["Content-Type": "text/plain"], responseBody: #""Rex""#))
        XCTAssertEqual(text.map(\.code), [.responseBodyUnvalidatable])
        XCTAssertEqual(text.first?.type, .warning)
        XCTAssertEqual(text.first?.message, "Body with content type 'text/plain' is not supported by the spec comparator")
        XCTAssertEqual(try codes(newPet(accept: "application/json", status: 201, responseBody: #"{"id": 1, "name": "Rex"}"#)), [])
    }

    func testBodyUnknown() throws {
        let nobody = interaction(path: "/v1/nobody", headers: [:], responseBody: #"{"anything": 1}"#)
        let found = try results(nobody)
        XCTAssertEqual(found.map(\.code), [.responseBodyUnknown])
        XCTAssertEqual(found.first?.type, .error)
        XCTAssertEqual(found.first?.message, "No matching schema found for response body")
        XCTAssertEqual(try codes(interaction(path: "/v1/nobody", headers: [:], responseHeaders: [:], responseBody: nil)), [])
    }

    func testBodyIncompatible() throws {
        let extra = try results(interaction(responseBody: #"{"id": 1, "name": "Rex", "age": 3}"#))
        XCTAssertEqual(extra.map(\.code), [.responseBodyIncompatible])
        XCTAssertEqual(extra.first?.message, "Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - age")
        XCTAssertEqual(extra.first?.mockDetails.location, "[root].interactions[0].response.body.age")
        XCTAssertEqual(extra.first?.specDetails.location, "[root].paths./pets/{id}.get.responses.200.content.application/json.schema")
        let typed = try results(interaction(responseBody: #"{"id": "one", "name": "Rex"}"#))
        XCTAssertEqual(typed.map(\.message), ["Response body is incompatible with the response body schema in the spec file: must be integer"])
        XCTAssertEqual(typed.first?.mockDetails.value, .string("one"))
        let odd = try results(interaction(responseBody: #"{"id": 1, "odd key": 2}"#))
        XCTAssertEqual(odd.first?.message, "Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - odd key")
        XCTAssertEqual(odd.first?.mockDetails.location, "[root].interactions[0].response.body['odd key']")
        // Responses need not use every documented property: `required` is dropped.
        XCTAssertEqual(try codes(interaction(responseBody: #"{"id": 1}"#)), [])
    }
}

/// `POST /v1/pets` with a valid body, answered as given.
func newPet(
    accept: String? = nil, status: Int, responseHeaders: [String: String] = ["Content-Type": "application/json"], responseBody: String?
) -> JSONValue {
    var headers = ["Content-Type": "application/json"]
    if let accept { headers["Accept"] = accept }
    return interaction(
        "a new pet", method: "POST", path: "/v1/pets", headers: headers, body: #"{"name": "Rex"}"#, status: status,
        responseHeaders: responseHeaders, responseBody: responseBody
    )
}
