/// Something that stopped an interaction from being verified, or went wrong around it.
public struct VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that went wrong; the raw value is the name used in reports.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A provider state's setup call failed; the request was not sent.
        case stateSetup = "state-setup"
        /// A provider state's teardown call failed.
        case stateTeardown = "state-teardown"
        /// The request could not be built: a generator failed, the URL is invalid, the request filter threw.
        case request
        /// No connection could be made to the provider (refused, unknown host).
        case providerUnreachable = "provider-unreachable"
        /// The provider did not answer within the request timeout.
        case timeout
        /// The connection failed after it was made: closed without a response, reset, an answer that is not HTTP.
        case transport
        /// The provider did not produce a usable message: its message endpoint answered an error status, no
        /// contents, unreadable metadata or a content type the pact contradicts; or its producer threw.
        case message
        /// The response body was larger than the configured limit; reading stopped there.
        case responseTooLarge = "response-too-large"
    }

    /// Which step went wrong; `providerUnreachable`, `stateSetup` and `timeout` can make the run exit with 2.
    public var kind: Kind
    /// A sentence saying what went wrong and where.
    public var message: String
    /// The HTTP status of the provider's answer, for state change calls that were answered.
    public var status: Int?
    /// The body of the provider's answer, for state change calls that were answered.
    public var body: String?

    /// Builds an error; `status` and `body` are only given for state change calls the provider answered.
    public init(kind: Kind, message: String, status: Int? = nil, body: String? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.body = body
    }

    /// The message, as shown in reports.
    public var description: String { message }
}
