extension VerificationReport {
    /// The test cases the provider check adds: a skipped one per pact for another provider, an error when the pacts
    /// name several providers.
    var providerCaseCounts: (tests: Int, errors: Int, skipped: Int) {
        let errors = mixedProviders == nil ? 0 : 1
        return (skippedPacts.count + errors, errors, skippedPacts.count)
    }

    /// `pacts for other providers` (a skipped case per pact) and `pact providers` (an error when the pacts name
    /// several providers), when there is something to say.
    func providerSuites() -> [String] {
        var lines: [String] = []
        if !skippedPacts.isEmpty {
            lines += Self.runSuite("pacts for other providers", className: "pact-providers", outcome: .skipped,
                                   cases: skippedPacts.map { ($0.name, $0.reason) })
        }
        if let mixedProviders {
            lines += Self.runSuite("pact providers", className: "pact-providers", outcome: .error(type: "mixed-providers"),
                                   cases: [("one provider per run", mixedProviders.description)])
        }
        return lines
    }
}
