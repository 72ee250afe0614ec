import Foundation
import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// Malformed requests get a 4xx with a JSON body naming the problem, never a 500 or a dropped connection.
@Suite struct BadInputTests {
    @Test func malformedRequestsGetClientErrors() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let json = ["Content-Type": "application/json", "Accept": "application/hal+json"]
            let cases: [(String, String, String?)] = [
                ("POST", "/contracts/publish", "{not json"),
                ("POST", "/contracts/publish", "[1,2]"),
                ("POST", "/contracts/publish", #"{"pacticipantName":1,"pacticipantVersionNumber":[],"contracts":"x"}"#),
                ("POST", "/contracts/publish", #"{"pacticipantName":"Foo","pacticipantVersionNumber":"1","contracts":[1]}"#),
                ("PUT", "/pacts/provider/Bar/consumer/Foo/version/2", "nope"),
                ("PUT", "/pacts/provider/Bar/consumer/Foo/version/2", #"{"consumer":{"name":"Other"}}"#),
                ("POST", "/pacts/provider/Bar/for-verification", #"{"consumerVersionSelectors":"all"}"#),
                ("POST", "/pacts/provider/Bar/for-verification", #"{"consumerVersionSelectors":[{"deployed":true,"released":true}]}"#),
                ("POST", "/pacts/provider/Bar/for-verification", #"{"consumerVersionSelectors":[{"environment":"nowhere"}]}"#),
                ("POST", "/pacts/provider/Bar/for-verification", #"{"includeWipPactsSince":"yesterday"}"#),
                ("POST", "/environments", #"{"name":"has space","production":"yes"}"#),
                ("POST", "/pacticipants", #"{"name":""}"#),
                ("PATCH", "/deployed-versions/nope", #"{"currentlyDeployed":true}"#),
                ("GET", "/matrix?q[][version]=1", nil),
                ("GET", "/matrix?q[][pacticipant]=Foo&q[][version]=1&q[][latest]=true", nil),
                ("GET", "/matrix?q[][pacticipant]=Foo&environment=nowhere", nil),
                ("GET", "/can-i-deploy", nil),
                ("GET", "/pacticipants/%ZZ%/versions/%", nil),
                ("GET", "/pacts/provider/Bar/consumer/Foo/pact-version/nope", nil),
                ("DELETE", "/", nil),
                ("POST", "/matrix", "{}"),
            ]
            for (method, path, body) in cases {
                let response = try await TestHTTP.send(method, broker.url, path, headers: json, body: body.map { Data($0.utf8) })
                #expect((400..<500).contains(response.status), "\(method) \(path) \(body ?? "") answered \(response.status)")
                #expect(response.json?["errors"] != nil || response.json?["error"] != nil, "\(method) \(path): \(response.text)")
            }
            let plain = try await TestHTTP.send("POST", broker.url, "/pacts/provider/Bar/for-verification",
                                                headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
            #expect(plain.status == 415)
            // The broker still answers.
            #expect(try await TestHTTP.send("GET", broker.url, "/diagnostic/status/heartbeat").status == 200)
        }
    }
}
