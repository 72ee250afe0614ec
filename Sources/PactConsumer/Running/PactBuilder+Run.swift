import Foundation
import PactMockServer
import PactModel

/// The failures of a pact run, thrown by `PactBuilder.run` with a custom reporter after they were reported one by one.
public struct PactRunError: Error, Sendable, CustomStringConvertible {
    /// Every failure of the run, in the order they were reported.
    public var failures: [PactFailure]

    /// Builds an error listing `failures`.
    public init(failures: [PactFailure]) { self.failures = failures }

    /// A count line, then each failure on its own line.
    public var description: String {
        "pact run failed with \(failures.count) problem(s):\n" + failures.map { "- \($0)" }.joined(separator: "\n")
    }
}

extension PactBuilder {
    /// Runs `test` against a fresh mock provider serving the interactions declared since the last run, then shuts it
    /// down and checks that every interaction was received and nothing else arrived.
    ///
    /// Failures (usage errors, mismatched, unexpected or missing requests, then an error thrown by `test`) go to the
    /// reporter one by one, at the line that declared the interaction (or this call), each once. Then `run` throws
    /// to end the test: under XCTest and Swift Testing an error the framework does not report again, with a custom
    /// reporter a `PactRunError` listing the failures. Only a run without failures writes the pact file.
    ///
    /// `timeout` (default: `PACT_RUN_TIMEOUT` seconds when set, else 30 s) bounds `test`: when it runs out, the run
    /// fails at this line naming the interactions still outstanding (declared but never received), the mock closes
    /// its connections and `test`'s task is cancelled. A closure that ignores cancellation is still awaited, so the
    /// test then ends only when it returns, but the failure is reported when the time runs out.
    @discardableResult
    public func run<Result>(
        timeout: Duration? = nil,
        isolation: isolated (any Actor)? = #isolation,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        _ test: (MockServer) async throws -> Result
    ) async throws -> Result {
        let runLocation = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let interactions = try core.prepareRun(
            at: runLocation,
            nothingDeclared: "no interactions are declared for this run; declare them with uponReceiving(_:) before run",
            compile: RunPreparation.checkedParts)
        let limit: Duration
        switch RunTimeout.resolve(timeout, environment: ProcessInfo.processInfo.environment) {
        case .success(let resolved): limit = resolved
        case .failure(let error): throw core.fail([RunFailures.usage(PactUsageError(location: runLocation, reason: error.reason))])
        }
        let server: MockServer
        do {
            let configuration = MockServerConfiguration(
                host: host, port: port, corsPreflight: corsPreflight, specVersion: specVersion, tls: tls)
            server = try await MockServer.start(interactions: interactions.map(\.interaction), configuration: configuration)
        } catch {
            throw core.fail([RunFailures.mockServer("the mock provider did not start: \(error)", at: runLocation)])
        }
        let raced = await RunTimeout.race(timeout: limit, { try await test(server) }, onTimeout: {
            // Reported before the closure is awaited, so a closure that ignores cancellation still shows why.
            let ending = core.fail(RunFailures.timedOut(after: limit, server.verification(), interactions: interactions,
                                                        at: runLocation))
            if let failure = await Self.shutDown(server, at: runLocation) { core.reportAlone(failure) }
            return ending
        })
        let outcome: Swift.Result<Result, any Error>
        switch raced {
        case .timedOut(let ending): throw ending
        case .finished(let finished): outcome = finished
        }
        let verification = server.verification()
        var failures: [PactFailure] = []
        if let failure = await Self.shutDown(server, at: runLocation) { failures.append(failure) }
        // The mock's findings come first: a client that throws on the mock's 500 answer is a consequence of them.
        failures += RunFailures.verification(verification, interactions: interactions, at: runLocation)
        if case .failure(let error) = outcome {
            let consequence = failures.contains { $0.kind == .mismatch || $0.kind == .unexpectedRequest }
            failures.append(RunFailures.testError(error, afterMockFindings: consequence, at: runLocation))
        }
        // A closure that threw added a failure above, so past `finish` the outcome is a value.
        try core.finish(failures, writing: interactions, at: runLocation)
        return try outcome.get()
    }

    /// Stops the mock provider (closing its connections); the failure to report when it did not stop cleanly.
    private static func shutDown(_ server: MockServer, at runLocation: PactSourceLocation) async -> PactFailure? {
        do {
            try await server.shutdown()
            return nil
        } catch {
            return RunFailures.mockServer("the mock provider did not shut down cleanly: \(error)", at: runLocation)
        }
    }
}
