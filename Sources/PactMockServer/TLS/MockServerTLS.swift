import Foundation

/// How a mock provider serves https instead of plain HTTP. Needs the package trait `MockTLS` (on by default; a
/// consumer-only package that declares `traits: []` adds `traits: ["MockTLS"]`); without it, starting fails with
/// `MockServerTLSError` saying so.
public enum MockServerTLS: Sendable, Hashable {
    /// A certificate made when the mock starts: a P-256 key, self-signed, for `localhost` and `127.0.0.1` (and `::1`),
    /// valid from a minute ago for 30 days. The test trusts it through `MockServer.certificate`.
    case selfSigned
    /// A certificate chain (leaf first) and its private key, PEM text.
    case certificate(chainPEM: String, keyPEM: String)
    /// The PEM files of a certificate chain (leaf first) and of its private key.
    case files(certificate: String, key: String)
}

/// The certificate an https mock presents, for the client under test to trust: add `pem` (or `der`) as a trust root
/// (AsyncHTTPClient: `TLSConfiguration.trustRoots`; `curl --cacert`; `pactkit verify --ca-cert`), or on Apple
/// platforms hand `urlSessionDelegate()` to a `URLSession`.
public struct MockServerCertificate: Sendable, Hashable {
    /// The leaf certificate, PEM (`-----BEGIN CERTIFICATE-----` …).
    public let pem: String
    /// The leaf certificate, DER bytes (what `SecCertificateCreateWithData` takes).
    public let der: Data
    /// Every certificate presented, leaf first, PEM; the same as `pem` for a self-signed one.
    public let chainPEM: String

    /// A certificate as PEM text and DER bytes.
    public init(pem: String, der: Data, chainPEM: String) {
        self.pem = pem
        self.der = der
        self.chainPEM = chainPEM
    }
}

/// Why a mock could not serve https: which input (a file, by its path) and why.
public struct MockServerTLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input at fault: `certificate file 'PATH'`, `key file 'PATH'`, `the certificate chain PEM`, `the key PEM`,
    /// or `https` when the trait is missing.
    public var source: String
    /// What is wrong with it, in words.
    public var reason: String

    /// An error naming `source` and `reason`.
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    /// `SOURCE: REASON`.
    public var description: String { "\(source): \(reason)" }

    static let traitDisabled = MockServerTLSError(
        source: "https",
        reason: "this build of PactKit has no TLS: enable the package trait MockTLS "
            + "(.package(path: …, traits: [\"MockTLS\"]) in the consumer's Package.swift)")
}
