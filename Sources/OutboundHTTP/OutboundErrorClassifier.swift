import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// Turns what AsyncHTTPClient and NIO throw into an `OutboundHTTPError` whose reason says what happened in words.
enum OutboundErrorClassifier {
    static func classify(_ error: any Error, target: String, timeout: Duration) -> OutboundHTTPError {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout:
                return timedOut(target: target, timeout: timeout)
            case .remoteConnectionClosed:
                return OutboundHTTPError(kind: .connection, target: target, reason: "the connection was closed before a complete answer arrived")
            case .cancelled:
                return OutboundHTTPError(kind: .cancelled, target: target, reason: "the request was cancelled")
            default:
                break
            }
        }
        if error is CancellationError {
            return OutboundHTTPError(kind: .cancelled, target: target, reason: "the request was cancelled")
        }
        if error is HTTPParserError {
            return OutboundHTTPError(
                kind: .notHTTP, target: target,
                reason: "the answer is not HTTP/1.x (\(error)): check that an HTTP server listens there and that the scheme (http or https) is right")
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return OutboundHTTPError(kind: .tls, target: target, reason: tlsReason(error))
        }
        let text = String(describing: error)
        if text.contains("connectTimeout") {
            return timedOut(target: target, timeout: timeout)
        }
        if text.contains("refused") || text.contains("ECONNREFUSED") {
            return OutboundHTTPError(kind: .unreachable, target: target, reason: "connection refused: nothing listens there")
        }
        if text.localizedLowercase.contains("resolve") || text.contains("NXDOMAIN") || text.contains("name or service not known") {
            return OutboundHTTPError(kind: .unreachable, target: target, reason: "the host name could not be resolved")
        }
        if let error = error as? OutboundHTTPError { return error }
        return OutboundHTTPError(kind: .connection, target: target, reason: "the request failed: \(text)")
    }

    /// The handshake failure in words: an untrusted certificate or a certificate for another host says so (BoringSSL's
    /// own code in brackets); anything else keeps NIOSSL's text.
    static func tlsReason(_ error: any Error) -> String {
        let text = String(describing: error)
        let advice = "give the CA certificate that signed it (a PEM file), or skip verification for self-signed test setups only"
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the TLS handshake failed: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED); \(advice)"
        }
        if text.contains("failedToValidateHostname") {
            return "the TLS handshake failed: the server's certificate is not for this host name; connect by a name the certificate lists"
        }
        return "the TLS handshake failed: \(text); \(advice)"
    }

    static func timedOut(target: String, timeout: Duration) -> OutboundHTTPError {
        OutboundHTTPError(kind: .timeout, target: target, reason: "no complete answer within \(DurationText.text(timeout))")
    }
}

/// `250 ms`, `5 s`, `1.5 s`.
enum DurationText {
    static func text(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = milliseconds / 1000
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// `512 bytes`, `64 KiB`, `50 MiB`.
enum ByteCountText {
    static func text(_ count: Int) -> String {
        if count >= 1024 * 1024 && count % (1024 * 1024) == 0 { return "\(count / (1024 * 1024)) MiB" }
        if count >= 1024 && count % 1024 == 0 { return "\(count / 1024) KiB" }
        return "\(count) bytes"
    }
}
