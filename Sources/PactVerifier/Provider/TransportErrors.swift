import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns URLSession errors into verification errors that say what happened in words.
enum TransportErrors {
    static func classify(_ error: any Error, target: String, timeout: Duration) -> VerificationError {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSLocalizedDescriptionKey] as? String).map { " (\($0))" } ?? ""
        guard nsError.domain == NSURLErrorDomain else {
            return VerificationError(kind: .transport, message: "\(target): \(error)")
        }
        switch nsError.code {
        case NSURLErrorCannotConnectToHost, NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed,
             NSURLErrorNotConnectedToInternet:
            return VerificationError(kind: .providerUnreachable,
                                     message: "\(target): cannot connect to the provider\(detail)")
        case NSURLErrorTimedOut:
            return VerificationError(kind: .timeout, message: "\(target): no response within \(text(timeout))")
        case NSURLErrorNetworkConnectionLost, NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse,
             NSURLErrorZeroByteResource:
            return VerificationError(kind: .transport,
                                     message: "\(target): the provider closed the connection without a valid response\(detail)")
        case NSURLErrorDataLengthExceedsMaximum:
            // Foundation on Linux refuses to send a body with GET and reports it under this code.
            return VerificationError(kind: .request, message: "\(target): the request could not be sent\(detail); "
                                        + "URLSession does not send a body with GET")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid:
            return VerificationError(kind: .providerUnreachable, message: "\(target): TLS connection failed\(detail)")
        case NSURLErrorUnsupportedURL, NSURLErrorBadURL:
            return VerificationError(kind: .request, message: "\(target): unsupported URL\(detail)")
        default:
            return VerificationError(kind: .transport, message: "\(target): request failed with URL error \(nsError.code)\(detail)")
        }
    }

    /// `250 ms`, `5 s`, `1.5 s`.
    static func text(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(Double(milliseconds) / 1000) s"
    }
}
