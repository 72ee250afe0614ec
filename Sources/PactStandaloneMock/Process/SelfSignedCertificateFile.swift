import Foundation
import Logging
import PactMockServer

/// `pactkit mock --tls-self-signed`: makes the certificate before the mock starts and writes its PEM where clients can
/// read it, so that a client that waits for `listening on https://…` finds the file already there.
enum SelfSignedCertificateFile {
    /// The TLS to serve with: `settings.tls` itself, or for `.selfSigned` the certificate made now and written to
    /// `settings.selfSignedCertificatePath` (default: the temporary directory), whose path goes to `logger`.
    static func prepare(_ settings: StandaloneMockSettings, logger: Logger) throws -> MockServerTLS? {
        guard settings.tls == .selfSigned else { return settings.tls }
        let made = try MockServerTLS.selfSigned.resolved()
        guard case .certificate(let chainPEM, _) = made else { return made }
        let path = settings.selfSignedCertificatePath
            ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("pactkit-mock-\(ProcessInfo.processInfo.processIdentifier).pem").path
        if let reason = store(chainPEM, at: path) {
            throw MockServerTLSError(source: "certificate output '\(path)'", reason: "cannot be written: \(reason)")
        }
        logger.info("https with a self-signed certificate for localhost and 127.0.0.1, written to \(path) (trust it in the client, e.g. curl --cacert \(path))")
        return made
    }

    /// Writes `text` to `path`; nil, or the operating system's reason (no such directory, permission denied…).
    private static func store(_ text: String, at path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}
