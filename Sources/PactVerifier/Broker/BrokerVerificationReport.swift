import PactBroker

/// What verifying from a Pact Broker did: the pacts the broker selected, the verification of those that downloaded
/// (a pact that could not be downloaded is a source error of its own), and per verified pact whether its results
/// were published and the broker's notices for after verification.
public struct BrokerVerificationReport: Sendable {
    /// The provider the pacts were selected for.
    public var provider: String
    /// The pacts the broker selected, in its order, with their pending/WIP status and notices.
    public var selected: [VerifiablePact]
    /// The verification of the downloaded pacts; failed downloads are among its `sourceErrors`.
    public var verification: VerificationReport
    /// One entry per verified pact, in the broker's order.
    public var publications: [PactPublication]
    /// Whether no pact selected is an error.
    public var failIfNoPactsFound: Bool

    /// What happened to one verified pact's results.
    public struct PactPublication: Sendable {
        /// The pact.
        public var pact: VerifiablePact
        /// Whether every counted interaction verified (what was published as `success`).
        public var success: Bool
        /// Published, failed, or not asked for.
        public var publication: ResultsPublication
        /// The broker's notices for after verification, for this outcome.
        public var notices: [BrokerNotice]
    }

    /// 0 verified (or nothing selected, unless `failIfNoPactsFound`), 1 a verification failed, 2 an error: a pact could
    /// not be downloaded or read, the provider was unreachable, results could not be published, or nothing was
    /// selected with `failIfNoPactsFound`.
    public var exitCode: Int32 {
        if selected.isEmpty { return failIfNoPactsFound ? 2 : 0 }
        let failedPublication = publications.contains { if case .failed = $0.publication { true } else { false } }
        return failedPublication ? max(verification.exitCode, 2) : verification.exitCode
    }

    /// The sentence for a broker that selected nothing, worded as pact-reference's verifier words it.
    public var noPactsMessage: String? {
        guard selected.isEmpty else { return nil }
        let message = "No pacts were found for provider '\(provider)' with the given consumer version selectors"
        return message + (failIfNoPactsFound ? "" : "; nothing to verify")
    }
}

/// A pact's name as reports show it: the broker's link name, else its URL.
extension VerifiablePact {
    var label: String { name ?? url.absoluteString }
}
