import Foundation
import HTTPServerCore
import TestSupport
import XCTest

/// `pactkit openapi-check` run as a user runs it: text and JSON output, every exit code, --base-path, a document
/// served over HTTP, and the note about message interactions.
final class OpenAPICheckCLITests: XCTestCase {
    /// `GET /codes/{id}` answering `{"code": string}`, under `servers[0]`'s path when `server` is given.
    static func document(server: String? = nil) -> String {
        """
        openapi: 3.0.3
        info: {title: codes, version: "1"}
        \(server.map { "servers: [{url: \"\($0)\"}]" } ?? "")
        paths:
          /codes/{id}:
            get:
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: a code
                  content:
                    application/json:
                      schema: {type: object, properties: {code: {type: string}}}
        """
    }

    /// A `GET path` interaction answering `body`, with extra request headers.
    static func get(_ description: String, path: String, headers: String = "{}", body: String = #"{"code": "ABC"}"#) -> String {
        """
        {"type": "Synchronous/HTTP", "description": "\(description)",
         "request": {"method": "GET", "path": "\(path)", "headers": \(headers)},
         "response": {"status": 200, "headers": {"Content-Type": ["application/json"]},
                      "body": {"contentType": "application/json", "content": \(body)}}}
        """
    }

    static let message = """
        {"type": "Asynchronous/Messages", "description": "a code was created",
         "contents": {"contentType": "application/json", "content": {"code": "ABC"}}}
        """

    private func file(_ name: String, _ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-openapi-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func check(_ arguments: [String]) async throws -> BuiltExecutable.Result {
        try await BuiltExecutable.run("pactkit", ["openapi-check"] + arguments,
                                      environment: ProcessInfo.processInfo.environment)
    }

    func testACompatiblePactWithAWarningExitsZeroAndGroupsTheTextByInteraction() async throws {
        let document = try file("codes.yml", Self.document())
        let pact = try CLIPacts.write(self, interactions: [
            Self.get("a code", path: "/codes/1", headers: #"{"x-trace": ["t-1"]}"#),
            Self.get("another code", path: "/codes/2"),
        ])
        let result = try await check(["--openapi", document.path, "--pact", pact.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, """
            \(pact.path) (web -> codes): compatible, 0 errors, 1 warning
              [0] a code
                warning request.header.unknown at [root].interactions[0].request.headers.x-trace: Request header is not defined in the spec file: x-trace (spec: [root].paths./codes/{id}.get)

            1 pact checked against \(document.path): 0 errors, 1 warning; compatible

            """)
        XCTAssertEqual(result.stderr, "")
    }

    func testAnIncompatiblePactExitsOneAndTheJSONIsOneArrayAcrossPacts() async throws {
        let document = try file("codes.yml", Self.document())
        let bad = try CLIPacts.write(self, name: "bad.json", interactions: [
            Self.get("a number for a code", path: "/codes/1", body: #"{"code": 7}"#),
            Self.get("an unknown route", path: "/cats/1"),
        ])
        let warned = try CLIPacts.write(self, name: "warned.json", interactions: [
            Self.get("a code", path: "/codes/1", headers: #"{"x-trace": ["t-1"]}"#),
        ])

        let text = try await check(["--openapi", document.path, "--pact", bad.path, warned.path])
        XCTAssertEqual(text.status, 1, text.stdout + text.stderr)
        XCTAssertTrue(text.stdout.contains("\(bad.path) (web -> codes): incompatible, 2 errors, 0 warnings\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("""
              [0] a number for a code
                error   response.body.incompatible at [root].interactions[0].response.body.code: Response body is incompatible with the response body schema in the spec file: must be string
            """), text.stdout)
        XCTAssertTrue(text.stdout.contains("""
              [1] an unknown route
                error   request.path-or-method.unknown at [root].interactions[1].request.path: Path or method not defined in spec file: GET /cats/1
            """), text.stdout)
        XCTAssertTrue(text.stdout.hasSuffix("2 pacts checked against \(document.path): 2 errors, 1 warning; incompatible\n"), text.stdout)

        let json = try await check(["--openapi", document.path, "--pact", bad.path, "--pact", warned.path, "--output", "json"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], json.stdout)
        XCTAssertEqual(array.map { $0["code"] as? String },
                       ["response.body.incompatible", "request.path-or-method.unknown", "request.header.unknown"])
        XCTAssertEqual(array.map { $0["type"] as? String }, ["error", "error", "warning"])
        let first = try XCTUnwrap(array.first)
        let mock = try XCTUnwrap(first["mockDetails"] as? [String: Any])
        XCTAssertEqual(mock["interactionDescription"] as? String, "a number for a code")
        XCTAssertEqual(mock["interactionState"] as? String, "[none]")
        XCTAssertEqual(mock["location"] as? String, "[root].interactions[0].response.body.code")
        XCTAssertEqual(mock["value"] as? Int, 7)
        let spec = try XCTUnwrap(first["specDetails"] as? [String: Any])
        XCTAssertEqual(spec["location"] as? String, "[root].paths./codes/{id}.get.responses.200.content.application/json.schema")
        XCTAssertEqual(spec["pathMethod"] as? String, "get")
        XCTAssertEqual(spec["pathName"] as? String, "/codes/{id}")
        let unmatched = try XCTUnwrap(array[1]["specDetails"] as? [String: Any])
        XCTAssertTrue(unmatched["pathMethod"] is NSNull, "\(unmatched)")
    }

    func testTheBasePathOptionReplacesTheDocumentsOwn() async throws {
        let document = try file("codes.yml", Self.document(server: "https://codes.example/api"))
        let pact = try CLIPacts.write(self, interactions: [Self.get("a code", path: "/v1/codes/1")])

        let own = try await check(["--openapi", document.path, "--pact", pact.path])
        XCTAssertEqual(own.status, 1, own.stdout + own.stderr)
        XCTAssertTrue(own.stdout.contains("Path or method not defined in spec file: GET /v1/codes/1"), own.stdout)

        let replaced = try await check(["--openapi", document.path, "--pact", pact.path, "--base-path", "/v1"])
        XCTAssertEqual(replaced.status, 0, replaced.stdout + replaced.stderr)
        XCTAssertTrue(replaced.stdout.contains("compatible, 0 errors, 0 warnings\n  1 HTTP interaction checked, no findings\n"),
                      replaced.stdout)
    }

    func testMessageInteractionsAreSkippedWithOneNote() async throws {
        let document = try file("codes.yml", Self.document())
        let pact = try CLIPacts.write(self, interactions: [Self.message, Self.get("a code", path: "/codes/1"), Self.message])
        let result = try await check(["--openapi", document.path, "--pact", pact.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let note = "note: 2 message interactions were not checked: an OpenAPI document describes HTTP interactions only"
        XCTAssertEqual(result.stdout.components(separatedBy: note).count, 2, result.stdout)
        XCTAssertTrue(result.stdout.contains("  1 HTTP interaction checked, no findings\n  \(note)\n"), result.stdout)
    }

    func testUnreadableYAMLExitsTwoNamingTheFileLineAndColumn() async throws {
        let document = try file("bad.yml", "openapi: 3.0.3\ninfo:\n  title: x\n   version: [\n")
        let pact = try CLIPacts.write(self, interactions: [Self.get("a code", path: "/codes/1")])
        let result = try await check(["--openapi", document.path, "--pact", pact.path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "pactkit openapi-check: cannot read the OpenAPI document: \(document.path):4:11: "
                       + "not valid YAML: mapping values are not allowed in this context\n")
    }

    func testMissingFilesExitTwoNamingEachOne() async throws {
        let document = try file("codes.yml", Self.document())
        let pact = try CLIPacts.write(self, interactions: [Self.get("a code", path: "/codes/1")])
        let missing = document.deletingLastPathComponent().appendingPathComponent("nothing.yml").path

        let noDocument = try await check(["--openapi", missing, "--pact", pact.path])
        XCTAssertEqual(noDocument.status, 2, noDocument.stdout + noDocument.stderr)
        XCTAssertEqual(noDocument.stderr, "pactkit openapi-check: cannot read the OpenAPI document: \(missing): no such file\n")

        let noPact = try await check(["--openapi", document.path, "--pact", pact.path, "--pact", missing])
        XCTAssertEqual(noPact.status, 2, noPact.stdout + noPact.stderr)
        XCTAssertEqual(noPact.stdout, "", "nothing is checked when an input cannot be read")
        XCTAssertTrue(noPact.stderr.contains("pactkit openapi-check: cannot read a pact: \(missing): $: cannot read the file"), noPact.stderr)
    }

    func testAnUnreadablePactExitsTwoWithItsJSONPath() async throws {
        let document = try file("codes.yml", Self.document())
        let pact = try file("broken.json", #"{"consumer": {"name": "web"}, "provider": {"name": "codes"}, "interactions": [{"description": 1}]}"#)
        let result = try await check(["--openapi", document.path, "--pact", pact.path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "pactkit openapi-check: cannot read a pact: \(pact.path): $.interactions[0].description: expected a String, got Integer\n")
    }

    func testBadUsageExits64() async throws {
        let noPact = try await check(["--openapi", "codes.yml"])
        XCTAssertEqual(noPact.status, 64, noPact.stderr)
        XCTAssertTrue(noPact.stderr.contains("give at least one pact with --pact FILE"), noPact.stderr)

        let badOutput = try await check(["--openapi", "codes.yml", "--pact", "p.json", "--output", "xml"])
        XCTAssertEqual(badOutput.status, 64, badOutput.stderr)
        XCTAssertTrue(badOutput.stderr.contains("xml"), badOutput.stderr)

        let noDocument = try await check(["--pact", "p.json"])
        XCTAssertEqual(noDocument.status, 64, noDocument.stderr)
        XCTAssertTrue(noDocument.stderr.contains("--openapi"), noDocument.stderr)
    }

    func testADocumentServedOverHTTP() async throws {
        let text = Self.document()
        let server = try await CLITestProvider { request in
            request.path == "/codes.yml" ? ServerResponse(headers: [("Content-Type", "application/yaml")], body: Data(text.utf8))
                : ServerResponse(status: 404, body: Data("not here".utf8))
        }
        let pact = try CLIPacts.write(self, interactions: [Self.get("a code", path: "/codes/1")])
        let base = server.url.absoluteString.hasSuffix("/") ? String(server.url.absoluteString.dropLast()) : server.url.absoluteString

        let served = try await check(["--openapi", base + "/codes.yml", "--pact", pact.path])
        let missing = try await check(["--openapi", base + "/gone.yml", "--pact", pact.path])
        await server.stop()
        let refused = try await check(["--openapi", base + "/codes.yml", "--pact", pact.path])

        XCTAssertEqual(served.status, 0, served.stdout + served.stderr)
        XCTAssertTrue(served.stdout.hasSuffix("1 pact checked against \(base)/codes.yml: 0 errors, 0 warnings; compatible\n"), served.stdout)
        XCTAssertEqual(server.requests.first?.headers.first { $0.name.lowercased() == "user-agent" }?.value, "pactkit-openapi-check")
        XCTAssertEqual(missing.status, 2, missing.stdout + missing.stderr)
        XCTAssertEqual(missing.stderr, "pactkit openapi-check: cannot read the OpenAPI document: \(base)/gone.yml: fetching it answered 404: not here\n")
        XCTAssertEqual(refused.status, 2, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("cannot read the OpenAPI document: \(base)/codes.yml: cannot be fetched: connection refused"), refused.stderr)
    }

    func testADocumentFromAURLWithARefToAnotherFileSaysItIsUnsupported() async throws {
        let text = """
            openapi: 3.0.3
            info: {title: codes, version: "1"}
            paths:
              /codes/{id}:
                $ref: "paths/code.yml"
            """
        let server = try await CLITestProvider { _ in ServerResponse(body: Data(text.utf8)) }
        let pact = try CLIPacts.write(self, interactions: [Self.get("a code", path: "/codes/1")])
        let result = try await check(["--openapi", server.url.appendingPathComponent("codes.yml").absoluteString, "--pact", pact.path])
        await server.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("$ref 'paths/code.yml' at [root].paths./codes/{id} refers to another file, which is not supported for a document fetched from a URL"), result.stderr)
    }

    /// The codes service's committed pacts against its v1 document, as scripts/check-openapi.sh runs them.
    func testTheCodesServicesPactsAreCompatible() async throws {
        let result = try await check([
            "--openapi", "Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml",
            "--pact", "pacts/use-an-lpa-data-lpa-codes.json", "pacts/sirius-data-lpa-codes.json",
        ])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("pacts/use-an-lpa-data-lpa-codes.json (use-an-lpa -> data-lpa-codes): compatible, 0 errors, 11 warnings\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("pacts/sirius-data-lpa-codes.json (sirius -> data-lpa-codes): compatible, 0 errors, 0 warnings\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("2 pacts checked against Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml: 0 errors, 11 warnings; compatible\n"), result.stdout)
    }
}
