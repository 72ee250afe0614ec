import PactModel
/// Keeps failures instead of failing the test, so a test can assert what a pact run reports.
public final class CollectingFailureReporter: PactFailureReporter {
    private let collected = Locked<[PactFailure]>([])

    /// Creates a reporter with no failures collected.
    public init() {}

    /// Keeps `failure` instead of failing the test.
    public func report(_ failure: PactFailure) {
        collected.withLock { $0.append(failure) }
    }

    /// The failures reported so far, in order.
    public var failures: [PactFailure] { collected.withLock { $0 } }
}
