import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit verify --dir` on a folder holding two providers' pacts: `--provider` chooses, and without it nothing is
/// verified.
final class VerifyProviderCLITests: XCTestCase {
    /// `web-codes.json` (provider `codes`) and `pactkit-broker.json` (provider `Pact Broker`) in one folder.
    private func folder() throws -> (directory: URL, other: URL) {
        let codes = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let other = codes.deletingLastPathComponent().appendingPathComponent("pactkit-broker.json")
        let text = CLIPacts.text([CLIPacts.get("the index", path: "/")])
            .replacingOccurrences(of: #""provider": {"name": "codes"}"#, with: #""provider": {"name": "Pact Broker"}"#)
        try Data(text.utf8).write(to: other)
        return (codes.deletingLastPathComponent(), other)
    }

    func testTheProviderOptionSkipsOtherProvidersPactsSayingSo() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let (directory, other) = try folder()
        let result = try await PactkitBinary.verify(["--dir", directory.path, "--provider", "codes",
                                                     "--provider-base-url", provider.url.absoluteString])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Skipping \(other.path): its provider is 'Pact Broker', not 'codes'\n"), result.stdout)
        XCTAssertEqual(provider.requests.map(\.path), ["/codes/1"])
    }

    func testWithoutTheProviderOptionSeveralProvidersAreAnErrorBeforeAnythingIsSent() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let (directory, _) = try folder()
        let result = try await PactkitBinary.verify(["--dir", directory.path, "--provider-base-url", provider.url.absoluteString])
        await provider.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("The pacts are for 2 providers, 'Pact Broker' ("), result.stdout)
        XCTAssertTrue(result.stdout.contains("and 'codes' ("), result.stdout)
        XCTAssertTrue(result.stdout.contains("give the provider being verified with --provider NAME"), result.stdout)
        XCTAssertTrue(provider.requests.isEmpty, "nothing is verified")
    }

    func testPactFilesWinOverTheBrokerInTheEnvironment() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let (directory, _) = try folder()
        let result = try await PactkitBinary.verify(
            ["-d", directory.path, "-n", "codes", "--provider-base-url", provider.url.absoluteString],
            environment: ["PACT_BROKER_BASE_URL": "http://127.0.0.1:9"])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(provider.requests.map(\.path), ["/codes/1"])
    }

    func testABlankProviderIsAUsageError() async throws {
        let (directory, _) = try folder()
        let result = try await PactkitBinary.verify(["--dir", directory.path, "--provider", " ", "--port", "1"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--provider must not be blank"), result.stderr)
    }
}
