import PactBroker

extension BrokerVerificationReport {
    /// The console report: each selected pact with `[pending]`/`[WIP]` and the broker's notices for before
    /// verification, the verification report, then per pact whether its results were published and the notices for
    /// after. `colour` colours notices by type (error red, warning yellow, success green); `verbose` shows the
    /// requests sent and responses received, as `VerificationReport.renderConsole(colour:verbose:)` does.
    public func renderConsole(colour: Bool, verbose: Bool = false) -> String {
        if let noPactsMessage { return noPactsMessage + "\n" }
        let style = ConsoleStyle(enabled: colour)
        var out: [String] = []
        for pact in selected {
            out.append("\(pact.label)\(pact.pending ? " [pending]" : "")\(pact.wip ? " [WIP]" : "")")
            out += pact.noticesBefore.map { $0.consoleText(prefix: "  ", colour: colour) }
        }
        out.append("")
        var text = out.joined(separator: "\n") + "\n" + verification.renderConsole(colour: colour, verbose: verbose)
        var after: [String] = []
        for item in publications {
            switch item.publication {
            case .notRequested: break
            case .published(let location):
                after.append("Published verification results for \(item.pact.label)" + (location.map { ": \($0)" } ?? ""))
            case .failed(let error):
                after.append(style.red("Could not publish the verification results for \(item.pact.label): \(error)"))
            }
            after += item.notices.map { $0.consoleText(colour: colour) }
        }
        if !after.isEmpty { text += after.joined(separator: "\n") + "\n" }
        return text
    }
}
