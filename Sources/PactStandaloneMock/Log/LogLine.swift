import PactMockServer

/// The one line a standalone mock prints per request: what answered it, or why nothing did.
///
///     GET /codes/abc -> 200 'a code' given 'the code exists' [pacts/app-codes.json]
///     GET /codes/abc -> 200 'a code' given 'the code exists' [pacts/app-codes.json]; also possible: 'no code'
///       given 'the code does not exist'; choose with the X-Pact-Provider-State header
///     POST /codes -> 500 Request-Mismatch with 'create a code' [pacts/app-codes.json]: body $.n: Expected …
///     GET /nope -> 500 Unexpected-Request: no interaction expects GET /nope; closest 'a code' (GET /codes/abc)
enum LogLine {
    /// At most this many alternatives are named; the rest are counted.
    private static let namedAlternatives = 3

    static func format(_ entry: MockRequestLogEntry, stateHeader: String) -> String {
        let head = "\(entry.requestLine) -> \(entry.status)"
        switch entry.outcome {
        case .matched(let summary, let alternatives, let selection):
            var line = "\(head) \(summary.label) [\(summary.file)]"
            switch selection {
            case .header: line += " (selected by \(stateHeader))"
            case .defaultState: line += " (selected by --provider-state)"
            case .onlyMatch, .bestMatch: break
            }
            if !alternatives.isEmpty {
                let named = alternatives.prefix(namedAlternatives).map(\.label).joined(separator: ", ")
                let rest = alternatives.count > namedAlternatives ? " and \(alternatives.count - namedAlternatives) more" : ""
                line += "; also possible: \(named)\(rest); choose with the \(stateHeader) header"
            }
            return line
        case .mismatched(let closest, let mismatches):
            return "\(head) Request-Mismatch with \(closest.label) [\(closest.file)]"
                + StandaloneErrors.firstMismatch(mismatches)
        case .unexpected(let closest, _):
            let base = "\(head) Unexpected-Request: no interaction expects \(entry.method) \(entry.path)"
            guard let closest else { return base }
            return base + "; closest \(closest.label) (\(closest.method) \(closest.path)) [\(closest.file)]"
        case .preflight:
            return "\(head) CORS pre-flight"
        }
    }
}
