import Foundation
import TestSupport
import XCTest

/// `pactkit mock` over https: `--tls-self-signed` (its certificate written where `--tls-self-signed-out` says, or to
/// the temporary directory) and `--tls-cert`/`--tls-key`, each checked end to end by `pactkit verify` trusting the
/// certificate with `--ca-cert`; unusable files exit 2 naming the file; incomplete flags are usage errors.
final class MockTLSCommandTests: XCTestCase {
    /// Serves a one-interaction pact with `tlsArguments`, verifies that pact against it with `--ca-cert caFile` (nil:
    /// read from the mock's stderr line), and returns the mock's listening URL and stderr.
    private func serveAndVerify(_ tlsArguments: [String], caFile: String?) async throws -> (url: URL, stderr: String) {
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let mock = try MockCLIProcess(["--file", pact.path] + tlsArguments)
        defer { mock.stop() }
        let url = try mock.url()
        try mock.waitForStderr(containing: "written to")
        let trusted = try caFile ?? XCTUnwrap(Self.writtenPath(in: mock.stderr))
        let verified = try await PactkitBinary.verify(
            ["--file", pact.path, "--provider-base-url", url.absoluteString, "--ca-cert", trusted])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        let untrusted = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", url.absoluteString])
        XCTAssertEqual(untrusted.status, 2, untrusted.stdout)
        XCTAssertTrue(untrusted.stdout.contains("TLS handshake failed"), untrusted.stdout)
        return (url, mock.stderr)
    }

    /// The path in `… written to PATH (trust it …`.
    private static func writtenPath(in stderr: String) -> String? {
        guard let start = stderr.range(of: "written to ")?.upperBound,
              let end = stderr[start...].range(of: " (trust it")?.lowerBound else { return nil }
        return String(stderr[start..<end])
    }

    func testSelfSignedWritesItsCertificateWhereToldAndVerifyTrustsIt() async throws {
        let scratch = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("mock.pem").path
        let served = try await serveAndVerify(["--tls-self-signed", "--tls-self-signed-out", out], caFile: out)
        XCTAssertEqual(served.url.scheme, "https")
        XCTAssertEqual(served.url.host, "127.0.0.1")
        XCTAssertEqual(Self.writtenPath(in: served.stderr), out, served.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("-----BEGIN CERTIFICATE-----"))
    }

    func testSelfSignedWithoutAPathWritesToTheTemporaryDirectory() async throws {
        let served = try await serveAndVerify(["--tls-self-signed"], caFile: nil)
        let path = try XCTUnwrap(Self.writtenPath(in: served.stderr), served.stderr)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertTrue(path.hasPrefix(FileManager.default.temporaryDirectory.path), path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testAGivenCertificateAndKeyAreServed() async throws {
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let mock = try MockCLIProcess(["--file", pact.path, "--tls-cert", "Fixtures/tls/server.pem",
                                       "--tls-key", "Fixtures/tls/server.key"])
        defer { mock.stop() }
        let url = try mock.url()
        XCTAssertEqual(url.scheme, "https")
        let byName = "https://localhost:\(url.port ?? 0)"
        let verified = try await PactkitBinary.verify(
            ["--file", pact.path, "--provider-base-url", byName, "--ca-cert", TLSFixtures.caFile])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
    }

    func testUnusableCertificateOrKeyFilesExitWith2NamingTheFile() throws {
        let scratch = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pact = scratch.appendingPathComponent("p.json")
        try Data(MockCLI.pact("[\(MockCLI.interaction("x", path: "/x"))]").utf8).write(to: pact)
        let missing = try MockCLI.run(["mock", "--file", pact.path, "--tls-cert", "Fixtures/tls/nope.pem",
                                       "--tls-key", "Fixtures/tls/server.key"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains(
            "error: certificate file 'Fixtures/tls/nope.pem': cannot be read: no such file"), missing.stderr)
        XCTAssertEqual(missing.stdout, "", "nothing is served")

        // ca.pem's key is not server.key.
        let mismatched = try MockCLI.run(["mock", "--file", pact.path, "--tls-cert", "Fixtures/tls/ca.pem",
                                          "--tls-key", "Fixtures/tls/server.key"])
        XCTAssertEqual(mismatched.status, 2)
        XCTAssertTrue(mismatched.stderr.contains(
            "error: key file 'Fixtures/tls/server.key': does not belong to certificate file 'Fixtures/tls/ca.pem'"), mismatched.stderr)

        let keyAsCertificate = try MockCLI.run(["mock", "--file", pact.path, "--tls-cert", "Fixtures/tls/server.key",
                                                "--tls-key", "Fixtures/tls/server.key"])
        XCTAssertEqual(keyAsCertificate.status, 2)
        XCTAssertTrue(keyAsCertificate.stderr.contains(
            "error: certificate file 'Fixtures/tls/server.key': holds no PEM certificate"), keyAsCertificate.stderr)

        let unwritable = try MockCLI.run(["mock", "--file", pact.path, "--tls-self-signed",
                                          "--tls-self-signed-out", scratch.appendingPathComponent("no/such/dir.pem").path])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.contains("/no/such/dir.pem': cannot be written: No such file or directory"), unwritable.stderr)
    }

    func testIncompleteOrConflictingTLSFlagsAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--tls-cert", "c.pem"], "--tls-cert needs --tls-key"),
            (["--tls-key", "k.pem"], "--tls-key needs --tls-cert"),
            (["--tls-self-signed", "--tls-cert", "c.pem", "--tls-key", "k.pem"], "give it or --tls-cert/--tls-key, not both"),
            (["--tls-self-signed-out", "x.pem"], "--tls-self-signed-out needs --tls-self-signed"),
        ]
        for (arguments, message) in cases {
            let result = try MockCLI.run(["mock", "--file", "pacts/x.json"] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
