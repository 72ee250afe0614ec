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
            lines.append("  <testsuite name=\"pacts for other providers\" tests=\"\(skippedPacts.count)\" failures=\"0\" "
                + "errors=\"0\" skipped=\"\(skippedPacts.count)\" time=\"0\">")
            for pact in skippedPacts {
                lines.append("    <testcase classname=\"pact-providers\" name=\"\(XMLText.escape(pact.name))\" time=\"0\">")
                lines.append("      <skipped message=\"\(XMLText.escape(pact.reason))\"/>")
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        if let mixedProviders {
            lines.append("  <testsuite name=\"pact providers\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">")
            lines.append("    <testcase classname=\"pact-providers\" name=\"one provider per run\" time=\"0\">")
            lines.append("      <error type=\"mixed-providers\" message=\"\(XMLText.escape(mixedProviders.description))\"/>")
            lines.append("    </testcase>")
            lines.append("  </testsuite>")
        }
        return lines
    }
}
