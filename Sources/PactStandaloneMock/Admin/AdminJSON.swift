import Foundation
import PactMatching
import PactModel
import PactMockServer

/// The JSON shapes shared by the admin API and the error bodies.
enum AdminJSON {
    static func interaction(_ summary: InteractionSummary) -> JSONValue {
        .object([
            "index": .int(summary.ordinal),
            "description": .string(summary.description),
            "providerStates": .array(summary.providerStates.map(JSONValue.string)),
            "consumer": .string(summary.consumer),
            "provider": .string(summary.provider),
            "file": .string(summary.file),
            "method": .string(summary.method),
            "path": .string(summary.path),
        ])
    }

    static func mismatch(_ mismatch: Mismatch) -> JSONValue { mismatch.json }

    static func entry(_ entry: MockRequestLogEntry) -> JSONValue {
        var object: [String: JSONValue] = [
            "sequence": .int(entry.sequence),
            "time": .string(timestamp(entry.time)),
            "method": .string(entry.method),
            "path": .string(entry.path),
            "query": entry.query.map(JSONValue.string) ?? .null,
            "status": .int(entry.status),
        ]
        switch entry.outcome {
        case .matched(let summary, let alternatives, let selection):
            object["outcome"] = "matched"
            object["interaction"] = interaction(summary)
            object["alternatives"] = .array(alternatives.map(interaction))
            object["selectedBy"] = .string(selectionName(selection))
        case .mismatched(let closest, let mismatches):
            object["outcome"] = "mismatched"
            object["closestInteraction"] = interaction(closest)
            object["mismatches"] = .array(mismatches.map(mismatch))
        case .unexpected(let closest, let mismatches):
            object["outcome"] = "unexpected"
            object["closestInteraction"] = closest.map(interaction) ?? .null
            object["mismatches"] = .array(mismatches.map(mismatch))
        case .preflight:
            object["outcome"] = "preflight"
        }
        return .object(object)
    }

    static func selectionName(_ selection: StateSelection) -> String {
        switch selection {
        case .onlyMatch: "only-match"
        case .header: "provider-state-header"
        case .defaultState: "default-provider-state"
        case .bestMatch: "best-match"
        }
    }

    /// ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func response(_ value: JSONValue, status: Int = 200, headers: [(name: String, value: String)] = []) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                     body: JSONWriter.prettyData(value))
    }
}
