extension BrokerNotice {
    /// The notice as printed, each line after `prefix`; with `colour`, wrapped in the ANSI colour of its type, as the
    /// pact-broker CLI does: red for `error`/`danger`, yellow for `warning`/`prompt`, green for `success`, none for
    /// others. Decide `colour` with `TerminalColour.shouldColour` (PactVerifier).
    public func consoleText(prefix: String = "", colour: Bool) -> String {
        let text = text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        let code: String? = switch type {
        case "error", "danger": "31"
        case "warning", "prompt": "33"
        case "success": "32"
        default: nil
        }
        guard colour, let code else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
