import PactMockServer

/// Whether a consumer's test run exercised a standalone mock as its pacts say: every request answered, and every
/// interaction (of the chosen consumer or provider) received at least once since the log was last cleared.
public struct StandaloneVerification: Sendable {
    /// Requests an interaction answered.
    public var matchedCount: Int
    /// Mismatched and unexpected requests (the first `logLimit` of them).
    public var failures: [MockRequestLogEntry]
    /// All mismatched and unexpected requests, including those not kept.
    public var failureCount: Int
    /// Interactions never received, in serving order (identical duplicates once).
    public var missing: [InteractionSummary]

    /// True when every request was answered and every interaction expected was received.
    public var isSuccess: Bool { failureCount == 0 && missing.isEmpty }

    /// A readable account: a summary line, then each failure and each interaction never received.
    public var report: String {
        var lines: [String] = []
        if isSuccess {
            lines.append("OK: \(matchedCount) request(s) matched and every interaction was received.")
        } else {
            lines.append("FAILED: \(matchedCount) matched, \(failureCount) mismatched or unexpected, "
                + "\(missing.count) interaction(s) never received.")
        }
        for failure in failures {
            guard case .mismatched(let closest, let mismatches) = failure.outcome else {
                lines.append("  \(StandaloneErrors.summary(failure))")
                continue
            }
            lines.append("  \(failure.requestLine) does not match \(closest.label) [\(closest.file)]:")
            for mismatch in mismatches {
                lines.append("    - \(ProblemText.location(mismatch)): \(mismatch.message)")
            }
        }
        for summary in missing {
            lines.append("  never received: \(summary.label): \(summary.method) \(summary.path) [\(summary.file)]")
        }
        return lines.joined(separator: "\n")
    }
}

extension StandaloneMock {
    /// Compares what arrived with what the pacts expect.
    /// - Parameter include: which interactions must have been received (all by default), e.g. one consumer's.
    public func verification(including include: (InteractionSummary) -> Bool = { _ in true }) -> StandaloneVerification {
        let snapshot = log.snapshot()
        let missing = snapshot.catalogue.interactions.filter { summary in
            summary.ordinal == summary.canonicalOrdinal && snapshot.received[summary.ordinal] == 0 && include(summary)
        }
        return StandaloneVerification(matchedCount: snapshot.matched, failures: snapshot.failures,
                                      failureCount: snapshot.failureCount, missing: missing)
    }

    /// How often each interaction answered since the log was cleared, by ordinal (duplicates share a count).
    public func receivedCounts() -> [Int] {
        let snapshot = log.snapshot()
        return snapshot.catalogue.interactions.map { snapshot.received[$0.canonicalOrdinal] }
    }
}
