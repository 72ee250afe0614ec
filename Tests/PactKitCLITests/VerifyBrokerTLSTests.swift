import Foundation
import XCTest

/// `pactkit verify --broker-url https://…` trusts the broker as told: `--broker-ca-file` (or `--ca-cert`) for a private
/// CA, `--broker-insecure` (or `--disable-ssl-verification`) to skip verification, the system's roots otherwise.
final class VerifyBrokerTLSTests: XCTestCase {
    /// An https broker (certificate from the fixture CA) that selects no pacts.
    private func broker() async throws -> TestPeer {
        try await TestPeer.https { _, uri in
            uri == "/"
                ? PeerAnswer(status: 200, headers: [("Content-Type", "application/hal+json")],
                             body: #"{"_links": {"pb:provider-pacts-for-verification": {"href": "/pacts/provider/{provider}/for-verification"}}}"#)
                : PeerAnswer(status: 200, headers: [("Content-Type", "application/hal+json")], body: #"{"_embedded": {"pacts": []}}"#)
        }
    }

    private func verify(_ broker: TestPeer, _ extra: [String]) async throws -> PactkitBinary.Result {
        let index = broker.url.absoluteString.replacingOccurrences(of: "127.0.0.1", with: "localhost")
        return try await PactkitBinary.verify(
            ["--broker-url", index, "--provider", "api", "--provider-base-url", "http://127.0.0.1:1", "--no-colour"] + extra,
            environment: ["PACT_BROKER_HTTP_RETRIES": "0"])
    }

    func testAPrivateCAIsTrustedWithBrokerCAFileOrCACert() async throws {
        let broker = try await broker()
        let withBrokerCA = try await verify(broker, ["--broker-ca-file", TLSFixtures.caFile])
        let withCACert = try await verify(broker, ["--ca-cert", TLSFixtures.caFile])
        let insecure = try await verify(broker, ["--broker-insecure"])
        let untrusted = try await verify(broker, [])
        await broker.stop()
        for result in [withBrokerCA, withCACert, insecure] {
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            XCTAssertEqual(result.stdout, "No pacts were found for provider 'api' with the given consumer version selectors; nothing to verify\n")
        }
        XCTAssertEqual(untrusted.status, 2, untrusted.stdout + untrusted.stderr)
        XCTAssertTrue(untrusted.stderr.contains("the TLS handshake failed: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)"), untrusted.stderr)
        XCTAssertTrue(untrusted.stderr.hasPrefix("pactkit verify: cannot reach the Pact Broker"), untrusted.stderr)
    }
}
