import Foundation
import TestSupport
import PactModel
import XCTest

/// `pactkit mock` as a consumer team runs it: a subprocess serving pact files on a port.
final class MockCommandTests: XCTestCase {
    /// Sends an interaction's expected request as a client would.
    private func send(_ interaction: HTTPInteraction, to url: URL, headers extra: [String: String] = [:]) async throws -> TestHTTPResponse {
        let request = interaction.request
        var target = request.path
        if let query = request.query, !query.isEmpty {
            let pairs = query.flatMap { parameter in parameter.values.map { value in (parameter.name, value) } }
            target += "?" + pairs.map { name, value in
                let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
                return value.map { "\(encode(name))=\(encode($0))" } ?? encode(name)
            }.joined(separator: "&")
        }
        var headers = extra
        for (name, values) in request.headers { headers[name] = values.joined(separator: ", ") }
        let body = request.body.isMissing ? nil : request.body.bytes
        return try await TestHTTP.send(request.method, url, target, headers: headers, body: body)
    }

    func testServesEveryInteractionOfADirectoryAndLogsWhichOneAnswered() async throws {
        let file = "Fixtures/codes-service/sirius-data-lpa-codes.json"
        let pact = try PactReader.read(contentsOf: MockCLI.packageRoot.appendingPathComponent(file))
        let mock = try MockCLIProcess(["--dir", "Fixtures/codes-service"])
        let url = try mock.url()
        XCTAssertNotNil(mock.stdoutLines.first?.wholeMatch(of: /listening on http:\/\/127\.0\.0\.1:[0-9]+/), "\(mock.stdoutLines)")
        for (index, interaction) in pact.httpInteractions.enumerated() {
            let response = try await send(interaction, to: url)
            XCTAssertEqual(response.status, interaction.response.status, interaction.info.description)
            XCTAssertEqual(response.json, interaction.response.body.bytes.isEmpty ? nil : try JSONParser.parse(interaction.response.body.bytes))
            XCTAssertEqual(try mock.requestLine(index),
                           "POST /create -> \(interaction.response.status) '\(interaction.info.description)' [\(file)]")
        }
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
        XCTAssertTrue(mock.stderr.contains("serving 4 interactions from 1 pact(s) (provider 'data-lpa-codes')"), mock.stderr)
        XCTAssertTrue(mock.stderr.hasSuffix("stopped\n"), mock.stderr)
    }

    /// The repository's own contracts (written by the contract suites into pacts/): each interaction's request is
    /// answered with its response, choosing by provider state where requests are alike.
    func testServesThisRepositorysContracts() async throws {
        let directory = MockCLI.packageRoot.appendingPathComponent("pacts")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }
        try XCTSkipIf(files.isEmpty, "pacts/ is empty: run the contract suites first")
        let mock = try MockCLIProcess(["--dir", "pacts"])
        let url = try mock.url()
        var sent = 0
        for name in files.sorted() {
            let pact = try PactReader.read(contentsOf: directory.appendingPathComponent(name))
            for interaction in pact.httpInteractions {
                let state = interaction.info.providerStates.first.map { ["X-Pact-Provider-State": $0.name] } ?? [:]
                let response = try await send(interaction, to: url, headers: state)
                XCTAssertEqual(response.status, interaction.response.status, "\(name): \(interaction.info.description): \(response.text)")
                let line = try mock.requestLine(sent)
                sent += 1
                XCTAssertTrue(line.contains("'\(interaction.info.description)'"), "\(name): \(line)")
            }
        }
        mock.stop()
    }

    func testProviderStatesPickTheAnswerAndTiesAreReported() async throws {
        let scratch = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pact = MockCLI.pact("""
        [\(MockCLI.interaction("a code", states: ["the code exists"], path: "/codes/abc", body: #"{"code": "abc"}"#)),
         \(MockCLI.interaction("no code", states: ["the code does not exist"], path: "/codes/abc", status: 404,
                               body: #"{"error": "not found"}"#))]
        """)
        try Data(pact.utf8).write(to: scratch.appendingPathComponent("codes.json"))
        let file = scratch.appendingPathComponent("codes.json").path

        let plain = try MockCLIProcess(["--file", file])
        var url = try plain.url()
        let tie = try await TestHTTP.send("GET", url, "/codes/abc")
        XCTAssertEqual(tie.status, 200)
        XCTAssertEqual(try plain.requestLine(0), "GET /codes/abc -> 200 'a code' given 'the code exists' [\(file)]; "
            + "also possible: 'no code' given 'the code does not exist'; choose with the X-Pact-Provider-State header")
        let chosen = try await TestHTTP.send("GET", url, "/codes/abc", headers: ["X-Pact-Provider-State": "the code does not exist"])
        XCTAssertEqual(chosen.status, 404)
        XCTAssertEqual(try plain.requestLine(1),
                       "GET /codes/abc -> 404 'no code' given 'the code does not exist' [\(file)] (selected by X-Pact-Provider-State)")
        plain.stop()

        let preferring = try MockCLIProcess(["--file", file, "--provider-state", ".*not exist",
                                             "--provider-state-header-name", "Pact-State"])
        url = try preferring.url()
        let preferred = try await TestHTTP.send("GET", url, "/codes/abc")
        XCTAssertEqual(preferred.status, 404)
        XCTAssertTrue(try preferring.requestLine(0).hasSuffix("(selected by --provider-state)"))
        let overridden = try await TestHTTP.send("GET", url, "/codes/abc", headers: ["Pact-State": "the code exists"])
        XCTAssertEqual(overridden.json, ["code": "abc"])
        preferring.stop()
    }

    func testCORSPreflight() async throws {
        let mock = try MockCLIProcess(["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json", "--cors"])
        let url = try mock.url()
        let preflight = try await TestHTTP.send("OPTIONS", url, "/create", headers: [
            "Origin": "http://localhost:8080", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        ])
        XCTAssertEqual(preflight.status, 204)
        XCTAssertEqual(preflight.header("Access-Control-Allow-Origin"), "http://localhost:8080")
        XCTAssertEqual(preflight.header("Access-Control-Allow-Headers"), "content-type")
        XCTAssertEqual(try mock.requestLine(0), "OPTIONS /create -> 204 CORS pre-flight")
        mock.stop()
    }

    func testUnmatchedRequestsAndTheAdminAPI() async throws {
        let mock = try MockCLIProcess(["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json"])
        let url = try mock.url()
        let wrongBody = try await TestHTTP.send("POST", url, "/create", headers: ["Content-Type": "application/json"],
                                                body: Data(#"{"lpas": []}"#.utf8))
        XCTAssertEqual(wrongBody.status, 500)
        XCTAssertEqual(wrongBody.header("X-Pact"), "Request-Mismatch")
        XCTAssertNotNil(wrongBody.json?["closestInteraction"]?["description"]?.stringValue)
        XCTAssertFalse(wrongBody.json?["mismatches"]?.arrayValue?.isEmpty ?? true)
        XCTAssertTrue(try mock.requestLine(0).hasPrefix("POST /create -> 500 Request-Mismatch with '"))

        let unexpected = try await TestHTTP.send("GET", url, "/codes")
        XCTAssertEqual(unexpected.header("X-Pact"), "Unexpected-Request")

        let interactions = try await TestHTTP.send("GET", url, "/__pactkit/interactions")
        XCTAssertEqual(interactions.json?["count"], 4)
        let log = try await TestHTTP.send("GET", url, "/__pactkit/log")
        XCTAssertEqual(log.json?["entries"]?.arrayValue?.map { $0["outcome"] }, ["mismatched", "unexpected"])
        let verification = try await TestHTTP.send("GET", url, "/__pactkit/verification")
        XCTAssertEqual(verification.status, 500)
        XCTAssertEqual(verification.json?["missing"]?.arrayValue?.count, 4)
        XCTAssertEqual(verification.json?["failureCount"], 2)
        let cleared = try await TestHTTP.send("DELETE", url, "/__pactkit/log")
        XCTAssertEqual(cleared.status, 200)
        let health = try await TestHTTP.send("GET", url, "/__pactkit/health")
        XCTAssertEqual(health.json?["status"], "ok")
        XCTAssertEqual(try mock.requestLine(6), "GET /__pactkit/health -> 200 admin API")
        mock.stop()
    }
}
