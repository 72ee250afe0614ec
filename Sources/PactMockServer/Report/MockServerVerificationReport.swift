/// Renders `MockServerVerification.report`.
enum MockServerVerificationReport {
    static func render(_ verification: MockServerVerification) -> String {
        var lines = [summary(verification)]
        for (number, entry) in verification.mismatched.enumerated() {
            lines.append("")
            lines.append("Mismatched request #\(number + 1): \(ProblemText.requestLine(entry.request))")
            lines.append("  closest interaction: '\(entry.interaction)'")
            for (index, mismatch) in entry.mismatches.enumerated() {
                lines.append("  \(index + 1)) \(ProblemText.location(mismatch)): \(mismatch.message)")
                if mismatch.expected != nil || mismatch.actual != nil {
                    lines.append("       expected: \(ProblemText.value(mismatch.expected))")
                    lines.append("       actual:   \(ProblemText.value(mismatch.actual))")
                }
            }
        }
        for (number, entry) in verification.unexpected.enumerated() {
            lines.append("")
            lines.append("Unexpected request #\(number + 1): \(ProblemText.requestLine(entry.request))")
            lines.append("  no interaction expects \(entry.request.method.uppercased()) \(entry.request.path)")
        }
        for interaction in verification.missing {
            lines.append("")
            lines.append("Interaction never received: \(ProblemText.interaction(interaction))")
            lines.append("  expected \(ProblemText.requestLine(interaction.request))")
        }
        if !verification.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += verification.warnings.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private static func summary(_ verification: MockServerVerification) -> String {
        let place = verification.serverURL.map { "Mock server at \($0)" } ?? "Mock server"
        let received = verification.matchedCount + verification.mismatched.count + verification.unexpected.count
        if verification.isSuccess {
            return "\(place): every expected interaction was received (\(plural(received, "request")) matched)."
        }
        var parts = ["\(verification.matchedCount) matched"]
        if !verification.mismatched.isEmpty { parts.append("\(verification.mismatched.count) mismatched") }
        if !verification.unexpected.isEmpty { parts.append("\(verification.unexpected.count) unexpected") }
        var text = "\(place): \(plural(received, "request")) received: \(parts.joined(separator: ", "))"
        if !verification.missing.isEmpty {
            text += "; \(plural(verification.missing.count, "interaction")) never received"
        }
        return text + "."
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
