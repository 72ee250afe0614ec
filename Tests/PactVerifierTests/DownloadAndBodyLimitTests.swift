import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Every door has limits: pact downloads end at the request timeout and the pact size cap, provider bodies at the
/// response size cap (issue 14, items 7 and 8).
final class DownloadAndBodyLimitTests: XCTestCase {
    func testAnEndlessPactDownloadEndsAtTheRequestTimeout() async throws {
        // A chunk every 50 ms: an idle timeout never fires, only one over the whole download does.
        let broker = try await TestPeer.endlessBody(chunkSize: 64, interval: .milliseconds(50))
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let started = ContinuousClock.now
        let report = await (try Verifier.against(provider.url, timeout: .milliseconds(500))).verify([.url(broker.url)])
        let elapsed = ContinuousClock.now - started
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(report.exitCode, 2)
        let message = try XCTUnwrap(report.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("cannot be fetched: no complete answer within 500 ms"), message)
        XCTAssertLessThan(elapsed, .seconds(5))
    }

    func testAPactLargerThanTheCapIsRefusedWithAClearError() async throws {
        let pact = Pacts.text([Pacts.get("a", path: "/a", body: "\"" + String(repeating: "x", count: 5000) + "\"")])
        let broker = try await TestProvider.start { _ in .json(pact) }
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let capped = await (try Verifier.against(provider.url) { $0.maxPactBytes = 4096 }).verify([.url(broker.url)])
        let roomy = await (try Verifier.against(provider.url) { $0.maxPactBytes = 8192 }).verify([.url(broker.url)])
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(capped.exitCode, 2)
        let message = try XCTUnwrap(capped.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("larger than the limit of 4 KiB"), message)
        XCTAssertTrue(message.contains("--max-pact-bytes"), message)
        XCTAssertTrue(roomy.sourceErrors.isEmpty, roomy.renderConsole(colour: false))
    }

    func testAnEndlessPactDownloadStopsAtTheSizeCap() async throws {
        let broker = try await TestPeer.endlessBody(chunkSize: 64 * 1024, interval: .milliseconds(1))
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url, timeout: .seconds(20)) { $0.maxPactBytes = 1024 * 1024 })
            .verify([.url(broker.url)])
        await broker.stop()
        await provider.stop()
        let message = try XCTUnwrap(report.sourceErrors.first?.message)
        XCTAssertTrue(message.contains("larger than the limit of 1 MiB"), message)
    }

    func testAProviderBodyOverTheCapFailsTheInteractionSayingSo() async throws {
        let provider = try await TestProvider.start { request in
            .json("\"" + String(repeating: "x", count: request.path == "/big" ? 20_000 : 100) + "\"")
        }
        let pact = try Pacts.v4(Pacts.get("a big body", path: "/big"), Pacts.get("a small body", path: "/small"))
        let report = await (try Verifier.against(provider.url) { $0.maxResponseBytes = 10_000 }).verify(pacts: [pact])
        await provider.stop()
        let big = try XCTUnwrap(report.interactions.first)
        XCTAssertEqual(big.status, .error)
        let error = try XCTUnwrap(big.errors.first)
        XCTAssertEqual(error.kind, .responseTooLarge)
        XCTAssertTrue(error.message.contains("GET \(provider.url.absoluteString)/big"), error.message)
        XCTAssertTrue(error.message.contains("larger than the limit of 10000 bytes"), error.message)
        XCTAssertTrue(error.message.contains("--max-response-bytes"), error.message)
        XCTAssertEqual(report.interactions.last?.errors, [], "the cap is per response, not per run")
        XCTAssertTrue(report.renderConsole(colour: false).contains("larger than the limit of 10000 bytes"))
    }

    func testAnEndlessProviderBodyStopsAtTheCap() async throws {
        let provider = try await TestPeer.endlessBody(chunkSize: 64 * 1024, interval: .milliseconds(1))
        let pact = try Pacts.v4(Pacts.get("a stream", path: "/stream"))
        let report = await (try Verifier.against(provider.url, timeout: .seconds(20)) { $0.maxResponseBytes = 1024 * 1024 })
            .verify(pacts: [pact])
        await provider.stop()
        let error = try XCTUnwrap(report.single().errors.first)
        XCTAssertEqual(error.kind, .responseTooLarge, error.message)
    }
}
