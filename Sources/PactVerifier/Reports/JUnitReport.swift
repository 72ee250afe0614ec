extension VerificationReport {
    /// The report as JUnit XML for CI: a `testsuite` per pact and a `testcase` per interaction. Mismatches are
    /// `failure`s, errors are `error`s, and skipped interactions and failed pending ones are `skipped` (so they do not
    /// fail the build, matching the exit code). Unreadable pact sources are a suite of their own with an error each;
    /// pacts for other providers are a suite with a `skipped` case each, and pacts naming several providers an error.
    public func junitXML() -> String {
        let s = summary
        let providerCases = providerCaseCounts
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"pactkit verify\" tests=\"\(s.total + sourceErrors.count + providerCases.tests)\" "
            + "failures=\"\(s.failed)\" errors=\"\(s.errors + sourceErrors.count + providerCases.errors)\" "
            + "skipped=\"\(s.skipped + s.pending + providerCases.skipped)\" "
            + "time=\"\(Self.seconds(interactions.reduce(.zero) { $0 + $1.duration }))\">")
        for pact in pacts {
            let results = pact.interactions
            let name = "\(pact.consumer) - \(pact.provider)"
            let ps = Summary(results)
            lines.append("  <testsuite name=\"\(XMLText.escape(name))\" tests=\"\(ps.total)\" failures=\"\(ps.failed)\" "
                + "errors=\"\(ps.errors)\" skipped=\"\(ps.skipped + ps.pending)\" "
                + "time=\"\(Self.seconds(results.reduce(.zero) { $0 + $1.duration }))\">")
            if let source = pact.source {
                lines.append("    <properties><property name=\"source\" value=\"\(XMLText.escape(source))\"/></properties>")
            }
            let className = XMLText.escape("\(pact.consumer).\(pact.provider)")
            for result in results {
                lines += testcase(result, className: className)
            }
            lines.append("  </testsuite>")
        }
        if !sourceErrors.isEmpty {
            lines += Self.runSuite("pact sources", className: "pact-sources", outcome: .error(type: "source"),
                                   cases: sourceErrors.map { ($0.source, $0.message) })
        }
        lines += providerSuites()
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func testcase(_ result: InteractionResult, className: String) -> [String] {
        var name = result.description
        if !result.providerStates.isEmpty {
            name += " given " + result.providerStates.map(\.name).joined(separator: " and ")
        }
        let open = "    <testcase classname=\"\(className)\" name=\"\(XMLText.escape(name))\" "
            + "time=\"\(Self.seconds(result.duration))\""
        if result.status == .passed { return [open + "/>"] }
        var lines = [open + ">"]
        let cut = { (text: String) in ReportText.truncated(text, limit: ReportText.junitItem) }
        let details = (result.errors.map { cut($0.message) } + result.mismatches.map { mismatch in
            var text = cut(mismatch.description)
            if let expected = mismatch.expected { text += "\n  expected: \(cut(expected))" }
            if let actual = mismatch.actual { text += "\n  actual:   \(cut(actual))" }
            return text
        }).joined(separator: "\n")
        switch result.status {
        case .passed:
            break
        case .failed:
            let message = "\(result.mismatches.count) mismatch(es): " + cut(result.mismatches.first?.description ?? "")
            lines.append("      <failure type=\"mismatch\" message=\"\(XMLText.escape(message))\">"
                + XMLText.escape(details) + "</failure>")
        case .error:
            let first = result.errors.first
            lines.append("      <error type=\"\(first?.kind.rawValue ?? "error")\" "
                + "message=\"\(XMLText.escape(cut(first?.message ?? "")))\">" + XMLText.escape(details) + "</error>")
        case .pendingFailed:
            lines.append("      <skipped message=\"\(XMLText.escape("pending interaction failed: " + details))\"/>")
        case .skipped:
            lines.append("      <skipped message=\"\(XMLText.escape(result.notes.first ?? "skipped"))\"/>")
        }
        lines.append("    </testcase>")
        return lines
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String((value * 1000).rounded() / 1000)
    }

    /// How every case of a `runSuite` ended.
    enum RunCaseOutcome {
        case error(type: String)
        case skipped
    }

    /// A suite about the run rather than an interaction (unreadable sources, other providers' pacts): each case takes
    /// no time and holds one `<error>` or `<skipped>` element with its message.
    static func runSuite(
        _ name: String, className: String, outcome: RunCaseOutcome, cases: [(name: String, message: String)]
    ) -> [String] {
        let errors = if case .error = outcome { cases.count } else { 0 }
        var lines = ["  <testsuite name=\"\(name)\" tests=\"\(cases.count)\" failures=\"0\" errors=\"\(errors)\" "
            + "skipped=\"\(cases.count - errors)\" time=\"0\">"]
        for item in cases {
            lines.append("    <testcase classname=\"\(className)\" name=\"\(XMLText.escape(item.name))\" time=\"0\">")
            switch outcome {
            case .error(let type): lines.append("      <error type=\"\(type)\" message=\"\(XMLText.escape(item.message))\"/>")
            case .skipped: lines.append("      <skipped message=\"\(XMLText.escape(item.message))\"/>")
            }
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        return lines
    }
}

/// Escaping for XML attribute values and text.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default:
                // XML 1.0 cannot carry other control characters, even escaped.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
