import OutboundHTTP

/// Turns an outbound request's failure into the verification error a report shows: the kind decides the exit code
/// (an unreachable provider or one whose TLS handshake fails is a run error), the message says what happened.
enum TransportErrors {
    static func verificationError(_ error: OutboundHTTPError) -> VerificationError {
        switch error.kind {
        case .invalidRequest:
            return VerificationError(kind: .request, message: "\(error.target): the pact's request cannot be sent: \(error.reason)")
        case .unreachable, .tls:
            return VerificationError(kind: .providerUnreachable, message: "\(error.target): cannot connect to the provider: \(error.reason)")
        case .timeout:
            return VerificationError(kind: .timeout, message: error.description)
        case .bodyTooLarge:
            return VerificationError(kind: .responseTooLarge,
                                     message: error.description + " (raise the limit with --max-response-bytes)")
        case .notHTTP, .connection, .cancelled:
            return VerificationError(kind: .transport, message: error.description)
        }
    }
}
