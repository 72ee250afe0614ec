import Foundation

/// The provider's own proof that it implements its contract (`contract.selfVerificationResults`): whether its
/// verification passed and, optionally, the verifier's output and what produced it.
public struct SelfVerificationResults: Sendable, Hashable {
    /// Whether the provider's own verification of the contract passed.
    public var success: Bool
    /// The verifier's output (a test report, a log…), sent base64-encoded.
    public var content: Data?
    /// The output's media type (`text/plain`, `application/xml`…).
    public var contentType: String?
    /// The output's format (`text`, `junit`…).
    public var format: String?
    /// The tool that verified the provider.
    public var verifier: String?
    /// That tool's version.
    public var verifierVersion: String?

    /// Results; only `success` is required.
    public init(success: Bool, content: Data? = nil, contentType: String? = nil, format: String? = nil,
                verifier: String? = nil, verifierVersion: String? = nil) {
        self.success = success
        self.content = content
        self.contentType = contentType
        self.format = format
        self.verifier = verifier
        self.verifierVersion = verifierVersion
    }

    /// The output read from `path`; a missing or unreadable file is an `.invalidInput` error naming it.
    public static func readContent(path: String) throws(BrokerError) -> Data {
        try ProviderContractFiles.read(path, what: "the verification results file")
    }
}
