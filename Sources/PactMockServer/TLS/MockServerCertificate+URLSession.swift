// Apple platforms only: URLSession's server-trust challenge and SecTrust exist there. On Linux, FoundationNetworking
// offers no server-trust challenge, so a test trusts the mock's `MockServerCertificate.pem` through its HTTP client's
// own setting (AsyncHTTPClient's `TLSConfiguration.trustRoots`, for instance).
// Not compiled on the Linux machine this was written on: no Apple toolchain there.
#if canImport(Security) && canImport(Darwin)
import Foundation
import Security

/// A `URLSessionDelegate` that trusts the https mock's certificate and nothing else: every other server's
/// certificate goes through the system's usual checks (`performDefaultHandling`).
///
/// `URLSession(configuration: .ephemeral, delegate: server.certificate!.urlSessionDelegate(), delegateQueue: nil)`
public final class MockServerTrustDelegate: NSObject, URLSessionDelegate, Sendable {
    private let certificateDER: Data
    private let host: String?

    /// Trusts `certificate` for connections to `host` (any host when nil).
    public init(certificate: MockServerCertificate, host: String? = nil) {
        certificateDER = certificate.der
        self.host = host
    }

    /// Accepts the server's certificate when it chains to the mock's certificate alone (SecTrust with that one
    /// anchor); cancels the connection when it does not.
    public func urlSession(
        _ session: URLSession, didReceive challenge: URLAuthenticationChallenge
    ) async -> (URLSession.AuthChallengeDisposition, URLCredential?) {
        let space = challenge.protectionSpace
        guard space.authenticationMethod == NSURLAuthenticationMethodServerTrust,
              host == nil || space.host == host,
              let trust = space.serverTrust
        else { return (.performDefaultHandling, nil) }
        guard let anchor = SecCertificateCreateWithData(nil, certificateDER as CFData) else {
            return (.cancelAuthenticationChallenge, nil)
        }
        SecTrustSetAnchorCertificates(trust, [anchor] as CFArray)
        SecTrustSetAnchorCertificatesOnly(trust, true)
        guard SecTrustEvaluateWithError(trust, nil) else { return (.cancelAuthenticationChallenge, nil) }
        return (.useCredential, URLCredential(trust: trust))
    }
}

extension MockServerCertificate {
    /// A `URLSessionDelegate` that trusts this certificate (Apple platforms).
    public func urlSessionDelegate() -> MockServerTrustDelegate { MockServerTrustDelegate(certificate: self) }
}
#endif
