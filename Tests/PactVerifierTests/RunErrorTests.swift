import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// What a broken provider or a bad `--file` makes of the run: exit codes and messages in words (issue 14, item 10).
final class RunErrorTests: XCTestCase {
    func testAProviderThatTimesOutOnEveryRequestIsARunError() async throws {
        let provider = try await TestProvider.startAsync { _ in
            try? await Task.sleep(for: .seconds(30))
            return ServerResponse(status: 200)
        }
        let pact = try Pacts.v4(Pacts.get("a", path: "/a"), Pacts.get("b", path: "/b"))
        let report = await (try Verifier.against(provider.url, timeout: .milliseconds(200))).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.interactions.flatMap(\.errors).map(\.kind), [.timeout, .timeout])
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.renderConsole(colour: false).hasSuffix(": ERROR\n"), report.renderConsole(colour: false))
    }

    func testAProviderThatTimesOutOnlySometimesFailsTheRun() async throws {
        let provider = try await TestProvider.startAsync { request in
            if request.path == "/slow" { try? await Task.sleep(for: .seconds(30)) }
            return .json(#"{"ok": true}"#)
        }
        let pact = try Pacts.v4(Pacts.get("slow", path: "/slow"), Pacts.get("fast", path: "/fast"))
        let report = await (try Verifier.against(provider.url, timeout: .milliseconds(200))).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.error, .passed])
        XCTAssertEqual(report.exitCode, 1)
    }

    func testAnAnswerThatIsNotHTTPIsDescribedInWords() async throws {
        for reply in ["SSH-2.0-OpenSSH_9.6\r\n", "just text, HTTP/0.9 style\n"] {
            let peer = try await TestPeer.rawReply(reply)
            let report = await (try Verifier.against(peer.url)).verify(pacts: [try Pacts.v4(Pacts.get("a", path: "/a"))])
            await peer.stop()
            let error = try XCTUnwrap(report.single().errors.first)
            XCTAssertEqual(error.kind, .transport)
            XCTAssertTrue(error.message.contains("is not HTTP"), error.message)
            XCTAssertFalse(error.message.contains("unsupported URL"), error.message)
        }
    }

    func testADirectoryGivenAsAFileIsDescribedInWords() async throws {
        let directory = try Pacts.temporaryDirectory(self)
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url)).verify([.file(directory)])
        await provider.stop()
        let message = try XCTUnwrap(report.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("is a directory, not a pact file"), message)
        XCTAssertFalse(message.contains("NSCocoaErrorDomain"), message)
        XCTAssertEqual(report.exitCode, 2)
    }

    func testASymbolicLinkLoopGivenAsAFileIsDescribedInWords() async throws {
        let directory = try Pacts.temporaryDirectory(self)
        let loop = directory.appendingPathComponent("loop.json")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url)).verify([.file(loop)])
        await provider.stop()
        let message = try XCTUnwrap(report.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("symbolic link loop"), message)
        XCTAssertFalse(message.contains("NSCocoaErrorDomain"), message)
    }
}
