import Foundation
import HTTPServerCore
import PactModel
#if MockTLS
import Crypto
import NIOCore
import NIOSSL
import SwiftASN1
import X509
#endif

/// What an https mock serves with: the server's TLS setup and the certificate to hand the test.
package struct MockTLSIdentity: Sendable {
    package var serverTLS: HTTPServerTLS
    package var certificate: MockServerCertificate
}

extension MockServerTLS {
    /// Makes the certificate (`.selfSigned`), or reads and checks the given chain and key: readable, PEM, and the key
    /// belongs to the leaf certificate. Throws `MockServerTLSError` naming the file or text at fault.
    package func identity() throws(MockServerTLSError) -> MockTLSIdentity {
        #if MockTLS
        switch self {
        case .selfSigned:
            let made = try Self.makeSelfSigned()
            return try Self.identity(chainPEM: made.chainPEM, keyPEM: made.keyPEM,
                                     chainSource: "the self-signed certificate", keySource: "its key")
        case .certificate(let chainPEM, let keyPEM):
            return try Self.identity(chainPEM: chainPEM, keyPEM: keyPEM,
                                     chainSource: "the certificate chain PEM", keySource: "the key PEM")
        case .files(let certificate, let key):
            let chainSource = "certificate file '\(certificate)'"
            let keySource = "key file '\(key)'"
            return try Self.identity(chainPEM: Self.readText(certificate, source: chainSource),
                                     keyPEM: Self.readText(key, source: keySource),
                                     chainSource: chainSource, keySource: keySource)
        }
        #else
        throw .traitDisabled
        #endif
    }

    /// `.selfSigned` made concrete: a new self-signed certificate and key as `.certificate(chainPEM:keyPEM:)`, so
    /// several mocks (several runs of one `PactBuilder`) present the same certificate and one trusting client serves
    /// them all. Other values are returned as they are.
    public func resolved() throws(MockServerTLSError) -> MockServerTLS {
        guard case .selfSigned = self else { return self }
        #if MockTLS
        let made = try Self.makeSelfSigned()
        return .certificate(chainPEM: made.chainPEM, keyPEM: made.keyPEM)
        #else
        throw .traitDisabled
        #endif
    }
}

#if MockTLS
extension MockServerTLS {
    private static func makeSelfSigned() throws(MockServerTLSError) -> (chainPEM: String, keyPEM: String) {
        do {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName {
                OrganizationName("PactKit")
                CommonName("PactKit mock provider")
            }
            let now = Date()
            // No basic constraints or key usage: the certificate is its own trust anchor, which verifiers accept for
            // a self-signed certificate, and it is only ever a server's.
            let extensions = try Certificate.Extensions {
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                ])
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
                notValidBefore: now - 60, notValidAfter: now + 30 * 24 * 3600, issuer: name, subject: name,
                signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: .init(key))
            return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
        } catch {
            throw MockServerTLSError(source: "the self-signed certificate", reason: "could not be made: \(error)")
        }
    }

    private static func readText(_ path: String, source: String) throws(MockServerTLSError) -> String {
        let data: Data
        do {
            data = try FileBytes.read(atPath: path)
        } catch {
            throw MockServerTLSError(source: source, reason: "cannot be read: \(error.reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MockServerTLSError(source: source, reason: "is not PEM text (not UTF-8); convert a DER file with openssl first")
        }
        return text
    }

    private static func identity(
        chainPEM: String, keyPEM: String, chainSource: String, keySource: String
    ) throws(MockServerTLSError) -> MockTLSIdentity {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: chainPEM)
        } catch {
            throw MockServerTLSError(source: chainSource, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----): \(error)")
        }
        let certificateDocuments = documents.filter { $0.discriminator == "CERTIFICATE" }
        guard let leafDocument = certificateDocuments.first else {
            throw MockServerTLSError(source: chainSource, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let leaf: Certificate
        do {
            leaf = try Certificate(pemDocument: leafDocument)
        } catch {
            throw MockServerTLSError(source: chainSource, reason: "its first certificate cannot be parsed: \(error)")
        }
        let key: Certificate.PrivateKey
        do {
            key = try Certificate.PrivateKey(pemEncoded: keyPEM)
        } catch {
            throw MockServerTLSError(
                source: keySource,
                reason: "holds no private key in PEM (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY, unencrypted): \(error)")
        }
        guard key.publicKey == leaf.publicKey else {
            throw MockServerTLSError(
                source: keySource, reason: "does not belong to \(chainSource): the key is not the certificate's (their public keys differ)")
        }
        let context: NIOSSLContext
        do {
            let chain = try certificateDocuments.map { try NIOSSLCertificate(bytes: Array($0.derBytes), format: .der) }
            let sslKey = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(sslKey))
            // A closing connection waits this long for the client's close_notify (5 s by default): a test's mock
            // shuts down with its clients' connections still open.
            configuration.shutdownTimeout = .seconds(1)
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw MockServerTLSError(source: chainSource, reason: "TLS refused the certificate or its key (\(keySource)): \(error)")
        }
        let serverTLS = HTTPServerTLS { pipeline in
            try pipeline.addHandler(NIOSSLServerHandler(context: context))
        }
        let chainText = certificateDocuments.map(\.pemString).joined(separator: "\n") + "\n"
        let certificate = MockServerCertificate(
            pem: leafDocument.pemString + "\n", der: Data(leafDocument.derBytes), chainPEM: chainText)
        return MockTLSIdentity(serverTLS: serverTLS, certificate: certificate)
    }
}
#endif
