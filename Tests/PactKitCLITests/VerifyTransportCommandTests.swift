import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit verify` against https providers, hostile providers and bad sources: options, exit codes and messages.
final class VerifyTransportCommandTests: XCTestCase {
    func testAnHTTPSProviderWithACustomCAOrWithoutVerification() async throws {
        let provider = try await TestPeer.https { _, _ in
            PeerAnswer(status: 200, headers: [("Content-Type", "application/json")], body: #"{"code": "ABC"}"#)
        }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let base = ["--file", pact.path, "--provider-base-url", provider.url.absoluteString]
        let trusted = try await PactkitBinary.verify(base + ["--ca-cert", TLSFixtures.caFile])
        let insecure = try await PactkitBinary.verify(base + ["--disable-ssl-verification"])
        let untrusted = try await PactkitBinary.verify(base)
        await provider.stop()
        XCTAssertEqual(trusted.status, 0, trusted.stdout + trusted.stderr)
        XCTAssertEqual(insecure.status, 0, insecure.stdout + insecure.stderr)
        XCTAssertEqual(untrusted.status, 2, untrusted.stdout)
        XCTAssertTrue(untrusted.stdout.contains("TLS handshake failed"), untrusted.stdout)
    }

    func testEveryRequestTimingOutExitsTwoWithError() async throws {
        let provider = try await CLITestProvider { _ in
            try? await Task.sleep(for: .seconds(30))
            return .code
        }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a", path: "/a"), CLIPacts.get("b", path: "/b")])
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--request-timeout", "300",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix(": ERROR\n"), result.stdout)
    }

    func testAResponseOverTheCapFailsItsInteraction() async throws {
        let provider = try await CLITestProvider { _ in .json(Data(("{\"code\": \"" + String(repeating: "A", count: 500) + "\"}").utf8)) }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--max-response-bytes", "100",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("larger than the limit of 100 bytes"), result.stdout)
    }

    func testAPactURLOverTheCapIsAnError() async throws {
        let pactText = CLIPacts.text([CLIPacts.get("a code", path: "/codes/1")])
        let broker = try await CLITestProvider { _ in .json(Data(pactText.utf8)) }
        let provider = try await CLITestProvider { _ in .code }
        let url = broker.url.appendingPathComponent("pacts/web").absoluteString
        let result = try await PactkitBinary.verify([
            "--url", url, "--provider-base-url", provider.url.absoluteString, "--max-pact-bytes", "64",
        ])
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("\(url): cannot be fetched: the response body is larger than the limit of 64 bytes"), result.stdout)
    }

    func testADirectoryOrANonHTTPProviderIsDescribedInWords() async throws {
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let peer = try await TestPeer.rawReply("SSH-2.0-OpenSSH_9.6\r\n")
        let directory = try await PactkitBinary.verify(["--file", pact.deletingLastPathComponent().path, "--port", "\(peer.port)"])
        let notHTTP = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", peer.url.absoluteString])
        await peer.stop()
        XCTAssertEqual(directory.status, 2)
        XCTAssertTrue(directory.stdout.contains("is a directory, not a pact file"), directory.stdout)
        XCTAssertFalse(directory.stdout.contains("NSCocoaErrorDomain"), directory.stdout)
        XCTAssertTrue(notHTTP.stdout.contains("is not HTTP"), notHTTP.stdout)
        XCTAssertFalse(notHTTP.stdout.contains("unsupported URL"), notHTTP.stdout)
    }
}
