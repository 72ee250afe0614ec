import PactBroker

extension BrokerVerificationReport {
    /// The console report: each selected pact with `[pending]`/`[WIP]` and the broker's notices for before
    /// verification, the verification report, then per pact whether its results were published and the notices for
    /// after. `colour` colours notices by type (error red, warning yellow, success green).
    public func renderConsole(colour: Bool) -> String {
        if let noPactsMessage { return noPactsMessage + "\n" }
        let style = ConsoleStyle(enabled: colour)
        var out: [String] = []
        for pact in selected {
            out.append("\(pact.label)\(pact.pending ? " [pending]" : "")\(pact.wip ? " [WIP]" : "")")
            out += pact.noticesBefore.map { style.notice($0, prefix: "  ") }
        }
        out.append("")
        var text = out.joined(separator: "\n") + "\n" + verification.renderConsole(colour: colour)
        var after: [String] = []
        for item in publications {
            switch item.publication {
            case .notRequested: break
            case .published(let location):
                after.append("Published verification results for \(item.pact.label)" + (location.map { ": \($0)" } ?? ""))
            case .failed(let error):
                after.append(style.red("Could not publish the verification results for \(item.pact.label): \(error)"))
            }
            after += item.notices.map { style.notice($0) }
        }
        if !after.isEmpty { text += after.joined(separator: "\n") + "\n" }
        return text
    }
}

extension ConsoleStyle {
    /// A broker notice, each line prefixed, coloured by its type.
    func notice(_ notice: BrokerNotice, prefix: String = "") -> String {
        let text = notice.text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        return switch notice.type {
        case "error", "danger": red(text)
        case "warning", "prompt": yellow(text)
        case "success": green(text)
        default: text
        }
    }
}
