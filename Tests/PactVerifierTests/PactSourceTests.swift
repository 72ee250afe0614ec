import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Pacts from files, directories and URLs, and pacts that cannot be read.
final class PactSourceTests: XCTestCase {
    private func passingProvider() async throws -> TestProvider {
        try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
    }

    func testAMalformedPactFileIsARunErrorNamingFileAndPlace() async throws {
        let directory = try Pacts.temporaryDirectory(self)
        let syntax = directory.appendingPathComponent("syntax.json")
        try Data(#"{"consumer": {"name": "web"}, "provider": "#.utf8).write(to: syntax)
        let shape = directory.appendingPathComponent("shape.json")
        try Data(Pacts.text([#"{"type": "Synchronous/HTTP", "description": "x", "request": {"method": 7}, "response": {}}"#]).utf8)
            .write(to: shape)
        let provider = try await passingProvider()
        let report = await (try Verifier.against(provider.url)).verify([.file(syntax), .file(shape)])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.sourceErrors.map(\.source), [syntax.path, shape.path])
        XCTAssertTrue(report.sourceErrors[0].message.contains("line 1, column"), report.sourceErrors[0].message)
        XCTAssertTrue(report.sourceErrors[1].message.contains("$.interactions[0].request.method"), report.sourceErrors[1].message)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("Pacts that could not be read:"), console)
        XCTAssertTrue(console.contains(shape.path), console)
    }

    func testAMissingFileAndDirectoryAreReported() async throws {
        let directory = try Pacts.temporaryDirectory(self)
        let provider = try await passingProvider()
        let report = await (try Verifier.against(provider.url)).verify([
            .file(directory.appendingPathComponent("absent.json")), .directory(directory.appendingPathComponent("nope")),
            .directory(directory),
        ])
        await provider.stop()
        XCTAssertEqual(report.sourceErrors.map(\.message), [
            "no such file", "no such directory", "the directory holds no *.json pact files",
        ])
        XCTAssertEqual(report.exitCode, 2)
    }

    func testADirectoryIsReadInNameOrderAndOneBadFileDoesNotHideTheOthers() async throws {
        let directory = try Pacts.temporaryDirectory(self)
        try Data(Pacts.text(consumer: "b-app", [Pacts.get("b", path: "/b")]).utf8).write(to: directory.appendingPathComponent("b.json"))
        try Data(Pacts.text(consumer: "a-app", [Pacts.get("a", path: "/a")]).utf8).write(to: directory.appendingPathComponent("a.json"))
        try Data("not json".utf8).write(to: directory.appendingPathComponent("c.json"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("README.md"))
        let provider = try await passingProvider()
        let report = await (try Verifier.against(provider.url)).verify([.directory(directory)])
        await provider.stop()
        XCTAssertEqual(report.pacts.map(\.consumer), ["a-app", "b-app"])
        XCTAssertEqual(report.summary.passed, 2)
        XCTAssertEqual(report.sourceErrors.map(\.source), [directory.appendingPathComponent("c.json").path])
        XCTAssertEqual(report.exitCode, 2)
    }

    /// A broker stand-in that serves a pact only with the right `Authorization` header.
    private func broker(expecting authorization: String) async throws -> TestProvider {
        let pact = Pacts.text([Pacts.get("a", path: "/a")])
        return try await TestProvider.start { request in
            request.header("Authorization") == authorization
                ? .json(pact) : .json(#"{"error": "unauthorised"}"#, status: 401)
        }
    }

    func testURLSourcesSendBasicAuthentication() async throws {
        let broker = try await broker(expecting: "Basic " + Data("pact:s3cret".utf8).base64EncodedString())
        let provider = try await passingProvider()
        let url = broker.url.appendingPathComponent("pacts/web")
        let verifier = try Verifier.against(provider.url)
        let good = await verifier.verify([.url(url, authentication: .basic(username: "pact", password: "s3cret"))])
        let bad = await verifier.verify([.url(url, authentication: .basic(username: "pact", password: "wrong"))])
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(good.exitCode, 0, good.renderConsole(colour: false))
        XCTAssertEqual(good.pacts.first?.source, url.absoluteString)
        XCTAssertEqual(bad.exitCode, 2)
        let message = try XCTUnwrap(bad.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("answered 401"), message)
        XCTAssertTrue(message.contains("unauthorised"), message)
    }

    func testURLSourcesSendBearerTokens() async throws {
        let broker = try await broker(expecting: "Bearer t0ken")
        let provider = try await passingProvider()
        let url = broker.url.appendingPathComponent("pacts/web")
        let report = await (try Verifier.against(provider.url)).verify([.url(url, authentication: .bearer(token: "t0ken"))])
        let anonymous = await (try Verifier.against(provider.url)).verify([.url(url)])
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(anonymous.exitCode, 2)
        XCTAssertNil(broker.requests.last?.header("Authorization"))
    }

    func testNoPactsIsARunError() async throws {
        let provider = try await passingProvider()
        let report = await (try Verifier.against(provider.url)).verify([])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.renderConsole(colour: false).contains("No pacts to verify"))
    }
}
