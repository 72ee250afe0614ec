import Foundation
import PactMatching
import PactModel

/// The 500 responses for requests the pact does not allow. Their JSON lists each problem so the client's own
/// error output (often the only thing a developer sees) says what is wrong, not just "500".
package enum ErrorResponses {
    /// Header fields a mock accepts per request by default (Apache's `LimitRequestFields`); more get 431.
    package static let defaultMaxHeaderCount = 100

    /// The 431 answer to a request with more than `limit` header fields.
    package static func tooManyHeaders(count: Int, limit: Int) -> MockResponse {
        let body: JSONValue = .object([
            "error": .string("the request has \(count) header fields; this mock accepts at most \(limit)"),
            "type": "too-many-headers",
        ])
        return MockResponse(status: 431, headers: [("Content-Type", "application/json; charset=utf-8")],
                            body: JSONWriter.prettyData(body))
    }

    static func mismatch(_ request: PactRequest, interaction: String, mismatches: [Mismatch]) -> MockResponse {
        let line = ProblemText.requestLine(request)
        var summary = "\(line) does not match interaction '\(interaction)'"
        if let first = mismatches.first {
            summary += ": \(ProblemText.location(first)): \(EchoCap.text(first.message))"
            if mismatches.count > 1 { summary += " (and \(mismatches.count - 1) more)" }
        }
        // Capped: the actual value of a body mismatch can be the whole body, megabytes echoed back.
        let items: [JSONValue] = EchoCap.mismatches(mismatches).map(\.json)
        let body: JSONValue = .object([
            "error": .string(summary),
            "type": "request-mismatch",
            "method": .string(request.method),
            "path": .string(request.path),
            "query": request.rawQuery.map(JSONValue.string) ?? .null,
            "interaction": .string(interaction),
            "mismatches": .array(items),
        ])
        return response(body, kind: "Request-Mismatch")
    }

    /// Lists the known interactions, those with the same path first, so a wrong method or a typo in the path is
    /// easy to spot. At most `limit` are listed.
    static func unexpected(_ request: PactRequest, interactions: [HTTPInteraction], limit: Int = 50) -> MockResponse {
        let line = ProblemText.requestLine(request)
        let samePath = interactions.filter { $0.request.path == request.path }
        let others = interactions.filter { $0.request.path != request.path }
        let known: [JSONValue] = (samePath + others).prefix(limit).map { interaction in
            .object([
                "method": .string(interaction.request.method.uppercased()),
                "path": .string(interaction.request.path),
                "description": .string(interaction.info.description),
            ])
        }
        var body: [String: JSONValue] = [
            "error": .string("Unexpected request \(line): no interaction expects \(request.method.uppercased()) \(request.path)"),
            "type": "request-not-found",
            "method": .string(request.method),
            "path": .string(request.path),
            "query": request.rawQuery.map(JSONValue.string) ?? .null,
            "knownInteractions": .array(known),
        ]
        if interactions.count > limit { body["knownInteractionsOmitted"] = .int(interactions.count - limit) }
        return response(.object(body), kind: "Unexpected-Request")
    }

    private static func response(_ body: JSONValue, kind: String) -> MockResponse {
        MockResponse(status: 500,
                      headers: [("Content-Type", "application/json; charset=utf-8"), ("X-Pact", kind)],
                      body: JSONWriter.prettyData(body))
    }
}
