import Foundation
import OutboundHTTP
import XCTest

/// Peers other than a plain HTTP/1.1 server: HTTPS with a private CA, and servers that do not speak HTTP.
final class PeerKindTests: XCTestCase {
    private func send(_ url: URL, tls: TLSOptions = TLSOptions()) async throws(OutboundHTTPError) -> OutboundResponse {
        let client = try OutboundHTTPClient(settings: .init(timeout: .seconds(5), tls: tls))
        do {
            let response = try await client.send(OutboundRequest(method: "GET", url: url.appendingPathComponent("hello")))
            await client.shutdown()
            return response
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func httpsServer() async throws -> TestPeer {
        try await TestPeer.https { method, uri in
            PeerAnswer(status: 200, headers: [("Content-Type", "text/plain")], body: "\(method) \(uri) over TLS")
        }
    }

    /// Runs `body` with `server`, then stops it (whether `body` throws or not).
    private func serving(_ server: TestPeer, _ body: (TestPeer) async throws -> Void) async throws {
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func testAnHTTPSPeerSignedByTheGivenCAIsTrusted() async throws {
        try await serving(try await httpsServer()) { server in
            let response = try await send(server.url, tls: TLSOptions(caCertificateFile: TLSFixtures.caFile))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "GET /hello over TLS")
        }
    }

    func testAnHTTPSPeerWithAnUnknownCAIsATLSErrorThatSaysWhatToDo() async throws {
        try await serving(try await httpsServer()) { server in
            do throws(OutboundHTTPError) {
                _ = try await send(server.url)
                XCTFail("an untrusted certificate was accepted")
            } catch {
                XCTAssertEqual(error.kind, .tls, error.description)
                XCTAssertTrue(error.reason.hasPrefix("the TLS handshake failed: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED); "
                    + "give the CA certificate that signed it (a PEM file), or skip verification"), error.description)
            }
        }
    }

    func testSkippingVerificationAcceptsASelfSignedPeer() async throws {
        try await serving(try await httpsServer()) { server in
            let response = try await send(server.url, tls: TLSOptions(skipVerification: true))
            XCTAssertEqual(response.status, 200)
        }
    }

    func testAPeerThatDoesNotSpeakHTTPIsNotHTTP() async throws {
        for reply in ["SSH-2.0-OpenSSH_9.6\r\n", "hello, this is HTTP/0.9\n"] {
            try await serving(try await TestPeer.rawReply(reply)) { server in
                do throws(OutboundHTTPError) {
                    _ = try await send(server.url)
                    XCTFail("\(reply.debugDescription) was taken for HTTP")
                } catch {
                    XCTAssertEqual(error.kind, .notHTTP, error.description)
                    XCTAssertTrue(error.reason.contains("not HTTP"), error.description)
                    XCTAssertFalse(error.reason.contains("unsupported URL"), error.description)
                }
            }
        }
    }

    func testPlainHTTPToAnHTTPSPeerIsNotHTTP() async throws {
        try await serving(try await httpsServer()) { server in
            let plain = try XCTUnwrap(URL(string: "http://127.0.0.1:\(server.port)"))
            do throws(OutboundHTTPError) {
                _ = try await send(plain)
                XCTFail("a TLS server's alert was taken for HTTP")
            } catch {
                XCTAssertTrue([.notHTTP, .connection].contains(error.kind), error.description)
            }
        }
    }
}
