import Foundation
import NIOSSL
@testable import PactConsumer
import TestSupport
import XCTest

/// `PactBuilder(tls:)`: the in-process mock over https, trusted by a client given `mockServer.certificate`, refused
/// by one that is not, and answering a plain-HTTP request with a 400 that says why.
final class HTTPSMockTests: XCTestCase {
    private func declareOrder(_ pact: PactBuilder) {
        pact.uponReceiving("an order over https")
            .withRequest(.get, "/orders/1")
            .willRespondWith(status: 200, headers: ["Content-Type": "application/json"], body: ["id": 1])
    }

    func testAClientTrustingTheGeneratedCertificateTalksToTheMockOverHTTPS() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, tls: .selfSigned, reporter: reporter)
        declareOrder(pact)
        var presented: [String] = []
        try await pact.run { mockServer in
            XCTAssertEqual(mockServer.url.scheme, "https")
            let certificate = try XCTUnwrap(mockServer.certificate)
            presented.append(certificate.pem)
            XCTAssertTrue(certificate.pem.hasPrefix("-----BEGIN CERTIFICATE-----"), certificate.pem)
            XCTAssertEqual(try NIOSSLCertificate(bytes: Array(certificate.der), format: .der),
                           try NIOSSLCertificate.fromPEMBytes(Array(certificate.pem.utf8)).first)
            // The certificate names both 127.0.0.1 (the mock's URL) and localhost.
            let (byAddress, byName) = try await HTTPSClient.with(trusting: certificate.pem) { client in
                (try await client.get(mockServer.url.absoluteString + "/orders/1"),
                 try await client.get("https://localhost:\(mockServer.port)/orders/1"))
            }
            XCTAssertEqual(byAddress.status, 200)
            XCTAssertEqual(byAddress.body, #"{"id":1}"#)
            XCTAssertEqual(byName.status, 200)
        }
        XCTAssertEqual(reporter.failures.map(\.message), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("app-api.json").path))
        // A second run of the same builder presents the same certificate, so one trusting client serves every run.
        declareOrder(pact)
        try await pact.run { mockServer in
            presented.append(try XCTUnwrap(mockServer.certificate).pem)
            let answer = try await HTTPSClient.with(trusting: presented[0]) { try await $0.get(mockServer.url.absoluteString + "/orders/1") }
            XCTAssertEqual(answer.status, 200)
        }
        XCTAssertEqual(presented.count, 2)
        XCTAssertEqual(Set(presented).count, 1)
    }

    func testAClientThatDoesNotTrustTheCertificateFailsItsHandshakeAndTheMockServesOn() async throws {
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self), tls: .selfSigned,
                               reporter: reporter)
        declareOrder(pact)
        try await pact.run { mockServer in
            do {
                _ = try await HTTPSClient.with(trusting: nil) { try await $0.get(mockServer.url.absoluteString + "/orders/1") }
                XCTFail("a client without the mock's certificate must not connect")
            } catch {
                XCTAssertTrue("\(error)".contains("CERTIFICATE_VERIFY_FAILED"), "\(error)")
            }
            let answer = try await HTTPSClient.with(trusting: try XCTUnwrap(mockServer.certificate).pem) {
                try await $0.get(mockServer.url.absoluteString + "/orders/1")
            }
            XCTAssertEqual(answer.status, 200)
        }
        XCTAssertEqual(reporter.failures.map(\.message), [], "the refused handshake reached no interaction")
    }

    func testAPlainHTTPRequestGetsA400SayingHTTPSAndTheMockServesOn() async throws {
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self), tls: .selfSigned,
                               reporter: reporter)
        declareOrder(pact)
        try await pact.run { mockServer in
            let plain = try XCTUnwrap(URL(string: "http://127.0.0.1:\(mockServer.port)"))
            let answer = try await TestClient(baseURL: plain).send("GET", "/orders/1")
            XCTAssertEqual(answer.status, 400)
            XCTAssertEqual(String(decoding: answer.body, as: UTF8.self),
                           "this server speaks https: a plain-HTTP request was sent to its TLS port; use https://<host>:\(mockServer.port)/\n")
            let served = try await HTTPSClient.with(trusting: try XCTUnwrap(mockServer.certificate).pem) {
                try await $0.get(mockServer.url.absoluteString + "/orders/1")
            }
            XCTAssertEqual(served.status, 200)
        }
        XCTAssertEqual(reporter.failures.map(\.message), [])
    }

    func testAGivenCertificateAndKeyAreServedAndTrustedThroughTheirCA() async throws {
        let fixtures = PackageRoot.url.appendingPathComponent("Fixtures/tls")
        let chain = try String(contentsOf: fixtures.appendingPathComponent("server.pem"), encoding: .utf8)
        let key = try String(contentsOf: fixtures.appendingPathComponent("server.key"), encoding: .utf8)
        let ca = try String(contentsOf: fixtures.appendingPathComponent("ca.pem"), encoding: .utf8)
        for tls in [MockServerTLS.certificate(chainPEM: chain, keyPEM: key),
                    .files(certificate: fixtures.appendingPathComponent("server.pem").path,
                           key: fixtures.appendingPathComponent("server.key").path)] {
            let reporter = CollectingFailureReporter()
            let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self), tls: tls,
                                   reporter: reporter)
            declareOrder(pact)
            try await pact.run { mockServer in
                XCTAssertEqual(mockServer.certificate?.pem, chain)
                let answer = try await HTTPSClient.with(trusting: ca) { try await $0.get("https://localhost:\(mockServer.port)/orders/1") }
                XCTAssertEqual(answer.status, 200)
            }
            XCTAssertEqual(reporter.failures.map(\.message), [], "\(tls)")
        }
    }

    func testUnreadableFilesAndAKeyOfAnotherCertificateFailTheRunNamingTheFile() async throws {
        let fixtures = PackageRoot.url.appendingPathComponent("Fixtures/tls")
        let certificate = fixtures.appendingPathComponent("server.pem").path
        let directory = try temporaryDirectory(self)
        guard case .certificate(_, let otherKey) = try MockServerTLS.selfSigned.resolved() else {
            return XCTFail("a self-signed certificate resolves to PEM text")
        }
        let otherKeyFile = directory.appendingPathComponent("other.key")
        try Data(otherKey.utf8).write(to: otherKeyFile)
        let cases: [(MockServerTLS, String)] = [
            (.files(certificate: "/no/such/cert.pem", key: otherKeyFile.path),
             "certificate file '/no/such/cert.pem': cannot be read: no such file"),
            (.files(certificate: certificate, key: directory.path + "/missing.key"),
             "key file '\(directory.path)/missing.key': cannot be read: no such file"),
            (.files(certificate: certificate, key: otherKeyFile.path),
             "key file '\(otherKeyFile.path)': does not belong to certificate file '\(certificate)': the key is not the certificate's (their public keys differ)"),
            (.files(certificate: otherKeyFile.path, key: otherKeyFile.path),
             "certificate file '\(otherKeyFile.path)': holds no PEM certificate (-----BEGIN CERTIFICATE-----)"),
        ]
        for (tls, expected) in cases {
            let reporter = CollectingFailureReporter()
            let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, tls: tls, reporter: reporter)
            declareOrder(pact)
            do {
                try await pact.run { _ in XCTFail("the closure must not run") }
                XCTFail("run must throw")
            } catch is PactRunError {}
            XCTAssertEqual(reporter.failures.map(\.kind), [.mockServer])
            XCTAssertEqual(reporter.failures.map(\.message), ["Pact: the mock provider did not start: \(expected)"])
        }
    }
}
