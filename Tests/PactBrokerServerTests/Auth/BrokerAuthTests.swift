import Foundation
import PactBroker
@testable import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// Basic and bearer authentication: each role against reads and writes, public read, the public heartbeat, wrong
/// credentials, and PactKit's own client publishing with credentials.
@Suite struct BrokerAuthTests {
    static let writer = BrokerCredentials(username: "ci", password: "s3cret")
    static let reader = BrokerCredentials(username: "viewer", password: "look")
    static let basic = BrokerAuthConfiguration(readWrite: writer, readOnly: reader)

    static func header(_ user: String, _ password: String) -> [String: String] {
        ["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), "Accept": "application/hal+json"]
    }

    static func get(_ broker: RunningBroker, _ path: String, _ headers: [String: String] = ["Accept": "application/hal+json"]) async throws -> AuthHTTP.Response {
        try await AuthHTTP.send("GET", broker.url, path, headers: headers)
    }

    static func post(_ broker: RunningBroker, _ path: String, _ json: String, _ headers: [String: String] = ["Accept": "application/hal+json"]) async throws -> AuthHTTP.Response {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return try await AuthHTTP.send("POST", broker.url, path, headers: headers, body: Data(json.utf8))
    }

    @Test func eachBasicRoleAgainstReadsAndWrites() async throws {
        try await RunningBroker.with(auth: Self.basic) { broker in
            let anonymousRead = try await Self.get(broker, "/pacticipants")
            #expect(anonymousRead.status == 401)
            #expect(anonymousRead.header("WWW-Authenticate") == #"Basic realm="Restricted area""#)
            #expect(anonymousRead.body.isEmpty, "pact_broker's Rack::Auth::Basic sends an empty body")
            #expect(try await Self.post(broker, "/pacticipants", #"{"name":"Foo"}"#).status == 401)

            let writer = Self.header("ci", "s3cret")
            #expect(try await Self.get(broker, "/pacticipants", writer).status == 200)
            #expect(try await Self.post(broker, "/pacticipants", #"{"name":"Foo"}"#, writer).status == 201)

            let reader = Self.header("viewer", "look")
            let read = try await Self.get(broker, "/pacticipants/Foo", reader)
            #expect(read.status == 200)
            #expect(read.json?["name"]?.stringValue == "Foo")
            let refused = try await Self.post(broker, "/pacticipants", #"{"name":"Bar"}"#, reader)
            #expect(refused.status == 403)
            #expect(refused.json?["error"]?.stringValue?.contains("read-only") == true)
            var problemHeaders = reader
            problemHeaders["Accept"] = "application/hal+json, application/problem+json"
            let problem = try await Self.post(broker, "/pacticipants", #"{"name":"Bar"}"#, problemHeaders)
            #expect(problem.status == 403)
            #expect(problem.header("Content-Type") == "application/problem+json;charset=utf-8")
            #expect(problem.json?["title"]?.stringValue == "Forbidden")
            // Pacts for verification is a query with a body: a read (pact_broker's ResourceAccessPolicy).
            let query = try await Self.post(broker, "/pacts/provider/Foo/for-verification", #"{"consumerVersionSelectors":[{"mainBranch":true}]}"#, reader)
            #expect(query.status != 401 && query.status != 403, "status \(query.status)")
            #expect(try await Self.get(broker, "/pacticipants/Bar", writer).status == 404, "the read-only user's write did nothing")
        }
    }

    @Test func wrongCredentialsAreRefusedAndTheHeartbeatIsPublic() async throws {
        try await RunningBroker.with(auth: Self.basic) { broker in
            #expect(try await Self.get(broker, "/pacticipants", Self.header("ci", "wrong")).status == 401)
            #expect(try await Self.get(broker, "/pacticipants", Self.header("nobody", "s3cret")).status == 401)
            #expect(try await Self.get(broker, "/pacticipants", Self.header("viewer", "s3cret")).status == 401, "another user's password")
            #expect(try await Self.get(broker, "/pacticipants", ["Authorization": "Bearer s3cret"]).status == 401, "no bearer token configured")
            let heartbeat = try await Self.get(broker, "/diagnostic/status/heartbeat")
            #expect(heartbeat.status == 200)
            #expect(heartbeat.json?["ok"]?.boolValue == true)
            #expect(try await Self.post(broker, "/diagnostic/status/heartbeat", "{}").status == 401, "only reads of the heartbeat are public")
        }
    }

    @Test func publicReadLeavesReadsOpenAndWritesClosed() async throws {
        let auth = BrokerAuthConfiguration(readWrite: Self.writer, allowPublicRead: true)
        try await RunningBroker.with(auth: auth) { broker in
            #expect(try await Self.post(broker, "/pacticipants", #"{"name":"Foo"}"#).status == 401)
            #expect(try await Self.post(broker, "/pacticipants", #"{"name":"Foo"}"#, Self.header("ci", "s3cret")).status == 201)
            let read = try await Self.get(broker, "/pacticipants/Foo")
            #expect(read.status == 200)
            #expect(read.json?["name"]?.stringValue == "Foo")
            let query = try await Self.post(broker, "/pacts/provider/Foo/for-verification", #"{"consumerVersionSelectors":[{"mainBranch":true}]}"#)
            #expect(query.status != 401, "pacts for verification is public with public read")
        }
    }

    @Test func aBearerTokenReadsAndWrites() async throws {
        try await RunningBroker.with(auth: BrokerAuthConfiguration(bearerToken: "t0k3n")) { broker in
            let anonymous = try await Self.get(broker, "/pacticipants")
            #expect(anonymous.status == 401)
            #expect(anonymous.header("WWW-Authenticate") == #"Bearer realm="Restricted area""#)
            let bearer = ["Authorization": "Bearer t0k3n", "Accept": "application/hal+json"]
            #expect(try await Self.post(broker, "/pacticipants", #"{"name":"Foo"}"#, bearer).status == 201)
            #expect(try await Self.get(broker, "/pacticipants/Foo", bearer).status == 200)
            #expect(try await Self.get(broker, "/pacticipants", ["Authorization": "Bearer t0k3"]).status == 401)
            #expect(try await Self.get(broker, "/pacticipants", ["Authorization": "Bearer t0k3n2"]).status == 401)
            #expect(try await Self.get(broker, "/pacticipants", Self.header("ci", "t0k3n")).status == 401, "no basic user configured")
        }
    }

    @Test func pactKitsClientPublishesWithBasicCredentialsAndWithAToken() async throws {
        try await RunningBroker.with(auth: Self.basic, clientAuth: .basic(username: "ci", password: "s3cret")) { broker in
            let notices = try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main").map(\.text)
            #expect(notices.contains("Pact successfully published for Foo version 1 and provider Bar."))
            let pacts = try await broker.forVerification("Bar", selectors: [["mainBranch": true]])
            #expect(pacts.count == 1)
            try await broker.verify(try #require(pacts.first), providerVersion: "100", success: true)
        }
        _ = try await RunningBroker.with(auth: Self.basic, clientAuth: .basic(username: "viewer", password: "look")) { broker in
            await #expect { try await broker.publish("Foo", version: "1", providers: ["Bar": "a"]) } throws: { error in
                (error as? BrokerError)?.status == 403
            }
        }
        try await RunningBroker.with(auth: BrokerAuthConfiguration(bearerToken: "t0k3n"), clientAuth: .bearer(token: "t0k3n")) { broker in
            let notices = try await broker.publish("Foo", version: "1", providers: ["Bar": "a"]).map(\.text)
            #expect(notices.contains("Pact successfully published for Foo version 1 and provider Bar."))
        }
        _ = try await RunningBroker.with(auth: BrokerAuthConfiguration(bearerToken: "t0k3n")) { broker in
            await #expect { try await broker.publish("Foo", version: "1", providers: ["Bar": "a"]) } throws: { error in
                (error as? BrokerError)?.kind == .unauthorized
            }
        }
    }

    @Test func secretsCompareWithoutShortcuts() {
        #expect(ConstantTimeComparison.equal("s3cret", "s3cret"))
        #expect(!ConstantTimeComparison.equal("s3cret", "s3cre"))
        #expect(!ConstantTimeComparison.equal("s3cret", "s3cret "))
        #expect(!ConstantTimeComparison.equal("", "x"))
        #expect(ConstantTimeComparison.equal("", ""))
    }

    @Test func accessLevelsFollowPactBrokersPolicy() {
        let required = { (method: String, path: String, auth: BrokerAuthConfiguration) in
            BrokerAccessLevel.required(method: method, segments: path.split(separator: "/").map(String.init), configuration: auth)
        }
        #expect(required("POST", "/pacticipants", .none) == .open, "no credentials configured: everything is open")
        #expect(required("GET", "/", Self.basic) == .read)
        #expect(required("HEAD", "/pacticipants", Self.basic) == .read)
        #expect(required("DELETE", "/pacticipants/Foo", Self.basic) == .write)
        #expect(required("PATCH", "/pacticipants/Foo", Self.basic) == .write)
        #expect(required("POST", "/pacts/provider/Bar/for-verification", Self.basic) == .read)
        #expect(required("POST", "/pacts/provider/Bar/latest", Self.basic) == .write)
        #expect(required("GET", "/diagnostic/status/heartbeat", Self.basic) == .open)
        let privateHeartbeat = BrokerAuthConfiguration(readWrite: Self.writer, publicHeartbeat: false)
        #expect(required("GET", "/diagnostic/status/heartbeat", privateHeartbeat) == .read)
        #expect(BrokerAccessLevel.write.admits(.readWrite) && !BrokerAccessLevel.write.admits(.readOnly))
        #expect(BrokerAccessLevel.read.admits(.readOnly) && !BrokerAccessLevel.read.admits(nil))
        #expect(BrokerAuthConfiguration(readWrite: BrokerCredentials(username: "ci", password: "")).isEnabled == false,
                "an empty password is no user")
        let documented = brokerAuthDocCommentExample()
        #expect(documented.isEnabled && documented.readOnly?.username == "viewer" && documented.publicHeartbeat)
    }
}
