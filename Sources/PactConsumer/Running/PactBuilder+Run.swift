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
    @discardableResult
    public func run<Result>(
        isolation: isolated (any Actor)? = #isolation,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        _ test: (MockServer) async throws -> Result
    ) async throws -> Result {
        let runLocation = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let reporter = self.reporter ?? AutomaticFailureReporter()
        let (declared, builderErrors) = takeDeclarations()
        let (interactions, usageErrors) = RunPreparation.prepare(declared, builderErrors: builderErrors, at: runLocation)
        guard usageErrors.isEmpty else {
            throw fail(usageErrors.map(RunFailures.usage), reporter: reporter)
        }
        let server: MockServer
        do {
            let configuration = MockServerConfiguration(
                host: host, port: port, corsPreflight: corsPreflight, specVersion: specVersion)
            server = try await MockServer.start(interactions: interactions.map(\.interaction), configuration: configuration)
        } catch {
            throw fail([RunFailures.mockServer("the mock provider did not start: \(error)", at: runLocation)], reporter: reporter)
        }
        var outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await test(server))
        } catch {
            outcome = .failure(error)
        }
        let verification = server.verification()
        var failures: [PactFailure] = []
        do {
            try await server.shutdown()
        } catch {
            failures.append(RunFailures.mockServer("the mock provider did not shut down cleanly: \(error)", at: runLocation))
        }
        // The mock's findings come first: a client that throws on the mock's 500 answer is a consequence of them.
        failures += RunFailures.verification(verification, interactions: interactions, at: runLocation)
        if case .failure(let error) = outcome {
            let consequence = failures.contains { $0.kind == .mismatch || $0.kind == .unexpectedRequest }
            failures.append(RunFailures.testError(error, afterMockFindings: consequence, at: runLocation))
        }
        if failures.isEmpty, !interactions.isEmpty {
            do {
                try PactFileWriter.write(PactFileWriter.Request(
                    consumer: consumer, provider: provider, version: specVersion, mode: effectiveWriteMode,
                    directory: PactFileLocation.directory(configured: directory),
                    interactions: interactions.map { (.http($0.interaction), $0.location) }))
            } catch {
                failures.append(PactFailure(kind: .pactFile, message: "Pact file not written: \(error)", location: runLocation))
            }
        }
        switch outcome {
        case .success(let value) where failures.isEmpty: return value
        default: throw fail(failures, reporter: reporter)
        }
    }

    /// The configured mode, or `.overwrite` when `PACT_OVERWRITE` is `true`.
    var effectiveWriteMode: PactWriteMode {
        ProcessInfo.processInfo.environment["PACT_OVERWRITE"]?.lowercased() == "true" ? .overwrite : writeMode
    }

    /// Reports each failure once and returns the error that ends the test.
    private func fail(_ failures: [PactFailure], reporter: any PactFailureReporter) -> any Error {
        guard let last = failures.last else { return PactRunError(failures: failures) }
        for failure in failures.dropLast() { reporter.report(failure) }
        return reporter.reportLast(last, of: failures)
    }
}
