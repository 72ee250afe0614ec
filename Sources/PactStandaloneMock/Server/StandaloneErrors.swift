import Foundation
import PactMatching
import PactModel
import PactMockServer

/// The 500 answers for requests no interaction allows. The JSON names the closest interaction and lists every
/// mismatch (where, expected, actual, and a sentence), because a client's error output is often all a developer
/// sees.
enum StandaloneErrors {
    static func response(for entry: MockRequestLogEntry) -> MockResponse {
        var body: [String: JSONValue] = [
            "error": .string(summary(entry)),
            "method": .string(entry.method),
            "path": .string(entry.path),
            "query": entry.query.map(JSONValue.string) ?? .null,
        ]
        switch entry.outcome {
        case .mismatched(let closest, let mismatches):
            body["type"] = "request-mismatch"
            body["interaction"] = .string(closest.description)
            body["closestInteraction"] = AdminJSON.interaction(closest)
            body["mismatches"] = .array(mismatches.map(AdminJSON.mismatch))
        case .unexpected(let closest, let mismatches):
            body["type"] = "request-not-found"
            body["closestInteraction"] = closest.map(AdminJSON.interaction) ?? .null
            body["mismatches"] = .array(mismatches.map(AdminJSON.mismatch))
        case .matched, .preflight:
            break
        }
        return AdminJSON.response(.object(body), status: 500, headers: [("X-Pact", entry.outcome.pactHeader ?? "")])
    }

    /// One sentence: the request, what it was closest to, and the first difference.
    static func summary(_ entry: MockRequestLogEntry) -> String {
        switch entry.outcome {
        case .mismatched(let closest, let mismatches):
            return "\(entry.requestLine) does not match interaction \(closest.label) (\(closest.file))"
                + firstMismatch(mismatches)
        case .unexpected(let closest, _):
            let base = "Unexpected request \(entry.requestLine): no interaction expects \(entry.method) \(entry.path)"
            guard let closest else { return base }
            return base + "; the closest is \(closest.label): \(closest.method) \(closest.path) (\(closest.file))"
        case .matched, .preflight:
            return entry.requestLine
        }
    }

    static func firstMismatch(_ mismatches: [Mismatch]) -> String {
        guard let first = mismatches.first else { return "" }
        let more = mismatches.count > 1 ? " (and \(mismatches.count - 1) more)" : ""
        return ": \(ProblemText.location(first)): \(first.message)\(more)"
    }
}
