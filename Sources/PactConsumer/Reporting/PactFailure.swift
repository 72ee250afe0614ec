import PactMatching

/// One reason a pact test failed, with the place in the test it belongs to.
public struct PactFailure: Sendable, Hashable, CustomStringConvertible {
    /// The sorts of problem that fail a pact test.
    public enum Kind: String, Sendable, Hashable {
        /// The pact was declared wrongly (`PactUsageError`).
        case usage
        /// A request reached the mock provider but differed from the interaction it was closest to.
        case mismatch
        /// A request matched no interaction at all (method and path unknown).
        case unexpectedRequest
        /// An interaction was declared but its request never arrived.
        case missingRequest
        /// The test closure threw.
        case testError
        /// The test closure did not finish within `run(timeout:)`.
        case timedOut
        /// The mock provider could not start or stop.
        case mockServer
        /// The pact file could not be written (or conflicts with an interaction written earlier in the run).
        case pactFile
        /// Interactions were declared but the test ended without `run`: nothing was checked.
        case notRun
    }

    /// What sort of problem this is, for tests that inspect failures through `CollectingFailureReporter`.
    public var kind: Kind
    /// The interaction's description, when the failure concerns one.
    public var interaction: String?
    /// The request as `METHOD /path`, when the failure concerns one.
    public var request: String?
    /// The mismatch (kind, JSON path, expected, actual) for `.mismatch` failures.
    public var mismatch: Mismatch?
    /// The full explanation shown to the test framework.
    public var message: String
    /// Where the failure is reported: the interaction's `uponReceiving`, a matcher, or the `run` call.
    public var location: PactSourceLocation

    /// Builds a failure; the interaction, request and mismatch are optional context.
    public init(
        kind: Kind, interaction: String? = nil, request: String? = nil, mismatch: Mismatch? = nil, message: String,
        location: PactSourceLocation
    ) {
        self.kind = kind
        self.interaction = interaction
        self.request = request
        self.mismatch = mismatch
        self.message = message
        self.location = location
    }

    /// `File.swift:12: message`.
    public var description: String { "\(location): \(message)" }
}

/// Where `run` sends its failures. Tests of a pact setup can pass a `CollectingFailureReporter` to inspect failures
/// without failing themselves.
public protocol PactFailureReporter: Sendable {
    /// Records one failure.
    func report(_ failure: PactFailure)

    /// Records the last failure of a failed run and returns the error `run` then throws. The test framework
    /// reporters return an error their framework does not report again (XCTest: `XCTUnwrap`'s, Swift Testing:
    /// `#require`'s), so N problems make N failures; the default reports and returns a `PactRunError`.
    func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error
}

extension PactFailureReporter {
    /// Reports `failure` and returns a `PactRunError` listing `failures`.
    public func reportLast(_ failure: PactFailure, of failures: [PactFailure]) -> any Error {
        report(failure)
        return PactRunError(failures: failures)
    }
}
