import Foundation
import PactModel

extension BuilderCore {
    /// Takes the declarations for a run and checks them as a whole (`RunPreparation`), `compile` checking each one;
    /// any usage error is reported and thrown. `nothingDeclared` is the usage error of a run with nothing declared.
    func prepareRun<Compiled: CompiledDeclaration>(
        at runLocation: PactSourceLocation, nothingDeclared: String,
        compile: (Item) -> (Compiled?, [PactUsageError])
    ) throws -> [Compiled] {
        let (items, builderErrors) = takeDeclarations()
        let (compiled, errors) = RunPreparation.prepare(
            items, builderErrors: builderErrors, nothingDeclared: nothingDeclared,
            withArticle: wording.withArticle, at: runLocation, compile: compile)
        guard errors.isEmpty else { throw fail(errors.map(RunFailures.usage)) }
        return compiled
    }

    /// Writes the pact when nothing failed and something was run; then, if anything failed (the write included),
    /// reports the failures and throws the error that ends the test.
    func finish(
        _ failures: [PactFailure], writing compiled: [some CompiledDeclaration], at runLocation: PactSourceLocation
    ) throws {
        var failures = failures
        if failures.isEmpty, !compiled.isEmpty {
            do {
                try PactFileWriter.write(PactFileWriter.Request(
                    consumer: consumer, provider: provider, version: specVersion, mode: effectiveWriteMode,
                    directory: PactFileLocation.directory(configured: directory),
                    interactions: compiled.map { ($0.pactInteraction, $0.location) }))
            } catch {
                failures.append(PactFailure(kind: .pactFile, message: "Pact file not written: \(error)",
                                            location: runLocation))
            }
        }
        if !failures.isEmpty { throw fail(failures) }
    }

    /// The configured mode, or `.overwrite` when `PACT_OVERWRITE` is `true`.
    var effectiveWriteMode: PactWriteMode {
        ProcessInfo.processInfo.environment["PACT_OVERWRITE"]?.lowercased() == "true" ? .overwrite : writeMode
    }

    /// Reports each failure once and returns the error that ends the test: the last one goes through `reportLast`,
    /// so the test framework does not report the thrown error again.
    func fail(_ failures: [PactFailure]) -> any Error {
        let reporter = self.reporter ?? AutomaticFailureReporter()
        guard let last = failures.last else { return PactRunError(failures: failures) }
        for failure in failures.dropLast() { reporter.report(failure) }
        return reporter.reportLast(last, of: failures)
    }

    /// Reports one failure on its own, after the error ending the test was made (nothing is thrown for it).
    func reportAlone(_ failure: PactFailure) {
        (reporter ?? AutomaticFailureReporter()).report(failure)
    }
}
