import CodesService
import XCTest

/// Routing, methods, headers, malformed and oversized input: the service answers with the right 4xx and stays up.
final class HTTPBehaviourTests: XCTestCase {
    func testHealthcheckAnswersGetAndHeadWithTheJSONStringOK() async throws {
        try await withService { service in
            let get = try await service.client.send("GET", "/v1/healthcheck")
            XCTAssertEqual(get.status, 200)
            XCTAssertEqual(get.text, #""OK""#)
            XCTAssertEqual(get.header("Content-Type"), "application/json")
            XCTAssertEqual(get.header("Date"), "Tue, 11 Nov 2025 10:00:00 GMT")
            let head = try await service.client.send("HEAD", "/healthcheck")
            XCTAssertEqual(head.status, 200)
            XCTAssertTrue(head.body.isEmpty)
            XCTAssertEqual(head.header("Content-Type"), "application/json")
            let post = try await service.client.send("POST", "/v1/healthcheck", body: Data("{}".utf8))
            XCTAssertEqual(post.status, 405)
            XCTAssertEqual(post.header("Allow"), "GET, HEAD")
        }
    }

    func testEveryRouteAnswersWithAndWithoutTheVersionPrefix() async throws {
        try await withService { service in
            for path in ["/create", "/v1/create"] {
                let response = try await service.post(path, #"{"lpas":[]}"#)
                XCTAssertEqual(response.status, 200, path)
            }
            for path in ["/validate", "/revoke", "/exists", "/code", "/paper-verification-code",
                         "/paper-verification-code/validate", "/paper-verification-code/expire"] {
                for prefix in ["", "/v1"] {
                    // A well-routed request with an empty object is a validation failure, not a 404.
                    let response = try await service.post(prefix + path, "{}")
                    XCTAssertEqual(response.status, 400, prefix + path)
                }
            }
        }
    }

    func testUnknownRoutesGet404AndWrongMethods405() async throws {
        try await withService { service in
            for path in ["/v1/nothing", "/v2/create", "/v1/v1/create", "/v1/create/", "/", "/v1/_pact_state"] {
                let response = try await service.post(path, "{}")
                XCTAssertEqual(response.status, 404, path)
                XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json", path)
                XCTAssertEqual(response.text, #"{"errors":[{"code":"OPGDATA-API-NOTFOUND","title":"Not found","detail":"Not found url \#(path)"}]}"#)
                XCTAssertNotNil(response.header("Date"))
            }
            for method in ["GET", "PUT", "DELETE", "PATCH"] {
                let response = try await service.client.send(method, "/v1/validate")
                XCTAssertEqual(response.status, 405, method)
                XCTAssertEqual(response.text, #"{"errors":[{"code":"OPGDATA-API-METHODNOTALLOWED","title":"Method not supported"}]}"#)
                XCTAssertEqual(response.header("Allow"), "POST")
                XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
            }
        }
    }

    func testMalformedBodiesGet400AndTheServiceStaysUp() async throws {
        try await withService { service in
            let cases: [(body: String, detail: String)] = [
                ("", "body: is empty; expected a JSON object"),
                ("{not json", "body: is not valid JSON: expected a string key at byte 1"),
                (#"{"code":"BBBBBBBBBBBB""#, "body: is not valid JSON: expected ',' or '}' in an object at byte"),
                ("[]", "$: must be an object, got array"),
                ("\"code\"", "$: must be an object, got string"),
                (#"{"code":123456789012}"#, "$.code: must be a string, got number"),
                (#"{"code":["BBBBBBBBBBBB"]}"#, "$.code: must be a string, got array"),
                (#"{"code":true}"#, "$.code: must be a string, got boolean"),
                (#"{"code":"BBBBBBBBBBBB","code":"CCCCCCCCCCCC"}"#, "body: is not valid JSON: duplicate key \"code\""),
            ]
            for (body, detail) in cases {
                let response = try await service.post("/v1/revoke", body)
                XCTAssertEqual(response.status, 400, body)
                XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
                XCTAssertEqual(response.firstErrorDetail.map { $0.hasPrefix(detail) }, true, "\(body): \(response.text)")
                XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-INVALIDREQUEST")
                XCTAssertEqual(response.errors.first?["title"] as? String, "Bad payload")
            }
            expectEqual(try await service.client.send("GET", "/v1/healthcheck").status, 200)
        }
    }

    func testOversizedBodiesGet413AndTheServiceStaysUp() async throws {
        try await withService(maxBodyBytes: 1024) { service in
            let justOver = String(repeating: " ", count: 1020) + #"{"x":1}"#
            let response = try await service.post("/v1/create", justOver)
            XCTAssertEqual(response.status, 413)
            XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
            XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-FILESIZELIMIT")
            XCTAssertEqual(response.firstErrorDetail, "request body larger than 1024 bytes")
            let atLimit = #"{"lpas":[]}"# + String(repeating: " ", count: 1024 - 11)
            expectEqual(try await service.post("/v1/create", atLimit).status, 200)
            // Far over the limit, the HTTP core itself refuses the body before reading it, in the service's format.
            let huge = try await service.client.send("POST", "/v1/create", body: Data(count: 4 << 20))
            XCTAssertEqual(huge.status, 413)
            XCTAssertEqual(huge.header("Content-Type"), "application/vnd.opg-data.v1+json")
            XCTAssertNotNil(huge.header("Date"))
            expectEqual(try await service.client.send("GET", "/v1/healthcheck").status, 200)
        }
    }

    func testBearerTokenGuardsEverythingButTheHealthcheck() async throws {
        try await withService(providerStates: true, authToken: "s3cret") { service in
            let body = #"{"lpa":"700000000001","actor":"700000000002"}"#
            for headers in [[:], ["Authorization": "Bearer wrong"], ["Authorization": "s3cret"], ["Authorization": "Basic s3cret"]] {
                let response = try await service.post("/v1/exists", body, headers: headers)
                XCTAssertEqual(response.status, 401, "\(headers)")
                XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-UNAUTHORISED")
                XCTAssertEqual(response.header("WWW-Authenticate"), "Bearer")
            }
            expectEqual(try await service.post("/v1/exists", body, headers: ["Authorization": "Bearer s3cret"]).status, 200)
            expectEqual(try await service.post("/v1/exists", body, headers: ["Authorization": "bearer s3cret"]).status, 200)
            expectEqual(try await service.client.send("GET", "/v1/healthcheck").status, 200)
            expectEqual(try await service.post("/_pact_state", #"{"state":"no codes exist"}"#).status, 401)
        }
    }
}
