import PactMatching
import PactModel

extension VerificationReport {
    /// A readable report: each pact, each interaction with its states and outcome, every mismatch with its path and
    /// the expected and actual values, then a summary line. `colour` adds ANSI colours (decide it with
    /// `TerminalColour.shouldColour`). `verbose` adds, under each interaction, the request sent and the response
    /// received when they were recorded (`VerifierConfiguration.recordsExchanges`), bodies cut at
    /// `RecordedExchange.bodyLimit` bytes.
    public func renderConsole(colour: Bool, verbose: Bool = false) -> String {
        let style = ConsoleStyle(enabled: colour)
        var out: [String] = skippedPacts.map(\.message)
        if !skippedPacts.isEmpty { out.append("") }
        for pact in pacts {
            out.append(style.bold("Verifying a pact between \(pact.consumer) and \(pact.provider)")
                + (pact.source.map { " (\($0))" } ?? ""))
            if pact.interactions.isEmpty { out.append("  no interactions to verify") }
            for interaction in pact.interactions {
                out.append("")
                out += interactionLines(interaction, style: style)
                if verbose {
                    for exchange in interaction.exchanges { out += ExchangeConsoleText.lines(exchange, indent: "      ") }
                }
            }
            if pact.filteredOut > 0 { out += ["", "  \(pact.filteredOut) interaction(s) left out by the filters"] }
            out.append("")
        }
        if !sourceErrors.isEmpty {
            out.append(style.red(style.bold("Pacts that could not be read:")))
            for error in sourceErrors { out.append("  \(error.source): \(error.message)") }
            out.append("")
        }
        if let mixedProviders {
            out.append(style.red(mixedProviders.description))
        } else if pacts.isEmpty, sourceErrors.isEmpty {
            out.append(style.red(noPactsLine))
        }
        out.append(summaryLine(style: style))
        return out.joined(separator: "\n") + "\n"
    }

    /// Why nothing was verified when every pact read was left out.
    private var noPactsLine: String {
        var reasons: [String] = []
        if !skippedPacts.isEmpty { reasons.append("\(skippedPacts.count) pact(s) are for other providers") }
        if pactsFilteredOut > 0 {
            reasons.append("the consumer filter left out \(skippedPacts.isEmpty ? "all " : "")\(pactsFilteredOut) pact(s)")
        }
        if reasons.isEmpty { return "No pacts to verify" }
        return "No pacts to verify: " + reasons.joined(separator: " and ")
    }

    private func interactionLines(_ result: InteractionResult, style: ConsoleStyle) -> [String] {
        var lines = ["  " + result.description + (result.request.map { style.dim(" (\($0))") } ?? "")]
        for state in result.providerStates {
            let params = state.params.isEmpty ? "" : " " + JSONWriter.compact(.object(state.params))
            lines.append("    Given \(state.name)\(params)")
        }
        for key in ["testname", "text"] {
            guard let comment = result.comments[key] else { continue }
            let text = comment.arrayValue?.map(\.textForMatching).joined(separator: "; ") ?? comment.textForMatching
            lines.append(style.dim("    \(key == "testname" ? "Test" : "Comment"): \(text)"))
        }
        let time = style.dim(" (\(ConsoleStyle.milliseconds(result.duration)))")
        switch result.status {
        case .passed: lines.append("    " + style.green("PASSED") + time)
        case .failed: lines.append("    " + style.red("FAILED") + time)
        case .error: lines.append("    " + style.red("ERROR") + time)
        case .pendingFailed: lines.append("    " + style.yellow("PENDING") + " (pending interaction: this does not fail the run)")
        case .skipped: lines.append("    " + style.yellow("SKIPPED"))
        }
        var number = 0
        for error in result.errors {
            number += 1
            lines.append("      \(number)) " + ConsoleStyle.shortened(error.message, limit: ReportText.consoleLine))
        }
        for mismatch in result.mismatches {
            number += 1
            lines.append("      \(number)) " + ConsoleStyle.shortened(mismatch.description, limit: ReportText.consoleLine))
            if let expected = mismatch.expected { lines.append("         expected: " + ConsoleStyle.shortened(expected)) }
            if let actual = mismatch.actual { lines.append("         actual:   " + ConsoleStyle.shortened(actual)) }
        }
        for note in result.notes { lines.append(style.dim("      note: \(note)")) }
        return lines
    }

    private func summaryLine(style: ConsoleStyle) -> String {
        let s = summary
        var parts = ["\(pacts.count) pact(s)", "\(s.total) interaction(s)", "\(s.passed) passed", "\(s.failed) failed", "\(s.pending) pending",
                     "\(s.skipped) skipped", "\(s.errors) error(s)"]
        let filtered = pacts.reduce(0) { $0 + $1.filteredOut }
        if filtered > 0 { parts.append("\(filtered) filtered out") }
        if !skippedPacts.isEmpty { parts.append("\(skippedPacts.count) pact(s) for other providers skipped") }
        if !sourceErrors.isEmpty { parts.append("\(sourceErrors.count) unreadable pact source(s)") }
        let verdict = switch exitCode {
        case 0: style.green("VERIFIED")
        case 1: style.red("FAILED")
        default: style.red("ERROR")
        }
        return "\(parts.joined(separator: ", ")): \(verdict)"
    }
}

/// ANSI styling that is a no-op when disabled.
struct ConsoleStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 10 ? "\((ms * 10).rounded() / 10) ms" : "\(Int(ms.rounded())) ms"
    }

    /// One line of at most `limit` characters and a note of how much was cut, so a huge body does not flood the
    /// terminal.
    static func shortened(_ text: String, limit: Int = ReportText.consoleValue) -> String {
        let line = ReportText.truncated(text, limit: limit)
        return line.contains("\n") ? line.replacingOccurrences(of: "\n", with: "\\n") : line
    }
}
