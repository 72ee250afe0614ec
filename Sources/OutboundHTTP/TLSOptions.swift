/// How HTTPS peers are trusted: the system's roots by default, a custom CA bundle for private PKIs, or no
/// verification at all for self-signed test setups.
public struct TLSOptions: Sendable, Equatable {
    /// A PEM file of CA certificates trusted instead of the system's roots.
    public var caCertificateFile: String?
    /// Accept any certificate and host name. For throwaway test setups only.
    public var skipVerification: Bool

    /// The system's roots, verified.
    public init(caCertificateFile: String? = nil, skipVerification: Bool = false) {
        self.caCertificateFile = caCertificateFile
        self.skipVerification = skipVerification
    }
}
