import Foundation
import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// Errors as `application/problem+json` when the Accept header asks for it, in pact_broker's shapes; the legacy
/// `errors` JSON otherwise.
@Suite struct ProblemJSONTests {
    static let problem = ["Accept": "application/hal+json, application/problem+json"]

    @Test func notFoundIsACustomProblem() async throws {
        try await RunningBroker.with { broker in
            let response = try await TestHTTP.send("GET", broker.url, "/pacticipants/Nobody", headers: Self.problem)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json;charset=utf-8")
            let json = try #require(response.json)
            #expect(json["title"]?.stringValue == "Not found")
            #expect(json["type"]?.stringValue == broker.url.absoluteString + "/problem/not-found")
            #expect(json["status"] == 404)
            #expect(json["detail"]?.stringValue?.isEmpty == false)
            #expect(json["error"] == nil, "the legacy member is replaced")

            let legacy = try await TestHTTP.send("GET", broker.url, "/pacticipants/Nobody", headers: ["Accept": "application/hal+json"])
            #expect(legacy.header("Content-Type") == "application/hal+json;charset=utf-8")
            #expect(legacy.json?["title"] == nil)
        }
    }

    @Test func validationErrorsAreListedWithPointers() async throws {
        try await RunningBroker.with { broker in
            var headers = Self.problem
            headers["Content-Type"] = "application/json"
            let response = try await TestHTTP.send("POST", broker.url, "/pacticipants", headers: headers, body: Data("{not json".utf8))
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json;charset=utf-8")
            let json = try #require(response.json)
            #expect(json["title"]?.stringValue == "Validation errors")
            #expect(json["type"]?.stringValue == broker.url.absoluteString + "/problems/validation-error")
            #expect(json["status"] == 400)
            #expect(json["instance"]?.stringValue == "/")
            let error = try #require(json["errors"]?.arrayValue?.first)
            #expect(error["type"]?.stringValue == broker.url.absoluteString + "/problems/invalid-body-property-value")
            #expect(error["title"]?.stringValue == "Invalid body parameter")
            #expect(error["pointer"]?.stringValue == "/body")
            #expect(error["detail"]?.stringValue?.contains("is not valid JSON") == true)

            headers["Accept"] = "application/hal+json"
            let legacy = try await TestHTTP.send("POST", broker.url, "/pacticipants", headers: headers, body: Data("{not json".utf8))
            #expect(legacy.json?["errors"]?["body"]?.arrayValue?.first?.stringValue?.contains("is not valid JSON") == true)
        }
    }

    @Test func tooLargeAndMethodNotAllowedAreProblemsToo() async throws {
        try await RunningBroker.with(maxBodyBytes: 10) { broker in
            var headers = Self.problem
            headers["Content-Type"] = "application/json"
            let large = try await TestHTTP.send("POST", broker.url, "/pacticipants", headers: headers,
                                                body: Data(#"{"name":"a long name"}"#.utf8))
            #expect(large.status == 413)
            #expect(large.json?["title"]?.stringValue == "Payload too large")
            #expect(large.json?["detail"]?.stringValue == "body is larger than 10 bytes")
            let wrongMethod = try await TestHTTP.send("DELETE", broker.url, "/matrix", headers: Self.problem)
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.json?["title"]?.stringValue == "Method not allowed")
            #expect(wrongMethod.json?["type"]?.stringValue == broker.url.absoluteString + "/problem/method-not-allowed")
            #expect(wrongMethod.json?["detail"]?.stringValue == "Method not allowed")
        }
    }
}
