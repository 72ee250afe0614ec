import Foundation

/// Where a provider's verification results go, and under which version.
public struct ProviderVersionPublication: Sendable {
    /// The provider version (the git SHA).
    public var version: String
    /// The provider version's branch.
    public var branch: String?
    /// Provider version tags (legacy).
    public var tags: [String]
    /// The CI build that verified.
    public var buildURL: String?

    /// A publication target.
    public init(version: String, branch: String? = nil, tags: [String] = [], buildURL: String? = nil) {
        self.version = version
        self.branch = branch
        self.tags = tags
        self.buildURL = buildURL
    }
}

/// What verifying one downloaded pact produced: an entry per interaction, and whether failures count.
public struct PactVerificationOutcome: Sendable {
    /// The pact.
    public var pact: BrokerPact
    /// One entry per verified interaction.
    public var testResults: [InteractionTestResult]

    /// An outcome.
    public init(pact: BrokerPact, testResults: [InteractionTestResult]) {
        self.pact = pact
        self.testResults = testResults
    }

    /// Every interaction verified.
    public var success: Bool { testResults.allSatisfy(\.success) }
}

/// What happened to the verification results of one pact.
public enum ResultsPublication: Sendable {
    /// Not asked to publish.
    case notRequested
    /// Published; the broker's URL for the stored result, when it gave one.
    case published(String?)
    /// The broker refused or could not be reached.
    case failed(BrokerError)
}

/// Verifying a provider from the broker, step by step: the pacts to verify, their downloads (each failure is that
/// pact's own error), the verification (done by the caller's closure), then the results published per pact and the
/// broker's notices for after verification.
public struct BrokerVerificationSteps: Sendable {
    /// The pacts the broker selected.
    public var pacts: [VerifiablePact]
    /// Each download's outcome, in the broker's order.
    public var downloads: [PactDownload]

    /// Asks the broker for the pacts and downloads them (bounded concurrency).
    public static func fetch(
        from client: PactBrokerClient, _ request: PactsForVerificationRequest, consumerVersionTags: [String] = []
    ) async throws(BrokerError) -> BrokerVerificationSteps {
        let pacts = try await client.pactsForVerification(request, consumerVersionTags: consumerVersionTags)
        return BrokerVerificationSteps(pacts: pacts, downloads: await client.download(pacts))
    }

    /// The pacts that downloaded.
    public var downloaded: [BrokerPact] { downloads.compactMap { try? $0.result.get() } }

    /// The downloads that failed, with why.
    public var failedDownloads: [(pact: VerifiablePact, error: BrokerError)] {
        downloads.compactMap { download in
            if case .failure(let error) = download.result { return (download.verifiable, error) }
            return nil
        }
    }

    /// Publishes each outcome's results when `publication` is given, and returns, per outcome, what happened and the
    /// broker's after-verification notices for it.
    public static func publish(
        _ outcomes: [PactVerificationOutcome], as publication: ProviderVersionPublication?, with client: PactBrokerClient
    ) async -> [(outcome: PactVerificationOutcome, publication: ResultsPublication, notices: [BrokerNotice])] {
        var out: [(PactVerificationOutcome, ResultsPublication, [BrokerNotice])] = []
        for outcome in outcomes {
            var state = ResultsPublication.notRequested
            if let publication {
                let results = VerificationResults(providerVersion: publication.version, testResults: outcome.testResults,
                                                  buildURL: publication.buildURL)
                do {
                    state = .published(try await client.publish(results, for: outcome.pact, providerBranch: publication.branch,
                                                                providerTags: publication.tags))
                } catch {
                    state = .failed(error)
                }
            }
            let published = if case .published = state { true } else { false }
            out.append((outcome, state, outcome.pact.verifiable.noticesAfter(success: outcome.success, published: published)))
        }
        return out
    }
}
