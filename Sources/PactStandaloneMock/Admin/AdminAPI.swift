import Foundation
import HTTPServerCore
import PactMockServer
import PactModel

/// The admin API under `/__pactkit/`, for people and for consumer test suites in any language:
///
/// - `GET /__pactkit/health`: status, pacts and counts, reloads.
/// - `GET /__pactkit/interactions`: the interactions served, with how often each answered.
/// - `GET /__pactkit/log`: the request log with each outcome; `DELETE /__pactkit/log` clears it and the counts.
/// - `GET /__pactkit/verification[?consumer=…&provider=…]`: 200 when every request matched and every interaction
///   (of that consumer/provider) was received since the last clear, else 500 with the failures and the
///   interactions never received; 404 naming the consumers (or providers) served when `consumer` (or `provider`)
///   names none of them.
enum AdminAPI {
    static let prefix = "/__pactkit/"

    private static let routes: [(path: String, methods: [String])] = [
        ("health", ["GET"]), ("interactions", ["GET"]), ("log", ["GET", "DELETE"]), ("verification", ["GET", "POST"]),
    ]

    static func handle(_ request: ServerRequest, mock: StandaloneMock) -> MockResponse {
        let model = ActualRequest.make(method: request.method, path: request.path, rawQuery: request.rawQuery,
                                       headers: request.headers, body: Data(), hasBody: false)
        let method = request.method.uppercased()
        if mock.options.cors, method == "OPTIONS" { return CORS.preflight(for: model) }
        var response = route(String(request.path.dropFirst(prefix.count)), method: method, query: model, mock: mock)
        if mock.options.cors { response.headers += CORS.headers(for: model) }
        return response
    }

    private static func route(_ name: String, method: String, query: PactRequest, mock: StandaloneMock) -> MockResponse {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        guard let route = routes.first(where: { $0.path == trimmed }) else {
            return AdminJSON.response([
                "error": .string("no admin endpoint \(prefix)\(name)"),
                "endpoints": .array(routes.map { .string("\($0.methods.joined(separator: "|")) \(prefix)\($0.path)") }),
            ], status: 404)
        }
        guard route.methods.contains(method) else {
            return AdminJSON.response(["error": .string("\(prefix)\(trimmed) allows \(route.methods.joined(separator: ", "))")],
                                      status: 405, headers: [("Allow", route.methods.joined(separator: ", "))])
        }
        switch (trimmed, method) {
        case ("health", _): return health(mock)
        case ("interactions", _): return interactions(mock)
        case ("log", "DELETE"):
            mock.clearLog()
            return AdminJSON.response(["cleared": true])
        case ("log", _): return log(mock)
        default: return verification(mock, query: query)
        }
    }

    private static func health(_ mock: StandaloneMock) -> MockResponse {
        let catalogue = mock.catalogue
        let reloads = mock.reloadStatus
        let pacts: [JSONValue] = catalogue.pacts.map { pact in
            [
                "file": .string(pact.file), "consumer": .string(pact.consumer), "provider": .string(pact.provider),
                "specification": .string(pact.specVersion.description), "interactions": .int(pact.interactionCount),
            ]
        }
        return AdminJSON.response([
            "status": "ok",
            "interactions": .int(catalogue.count),
            "pacts": .array(pacts),
            "reloads": .int(reloads.count),
            "lastReloadProblem": reloads.lastProblem.map(JSONValue.string) ?? .null,
            "warnings": .array(catalogue.warnings.map(JSONValue.string)),
            "startedAt": .string(AdminJSON.timestamp(mock.started)),
        ])
    }

    private static func interactions(_ mock: StandaloneMock) -> MockResponse {
        let catalogue = mock.catalogue
        let counts = mock.receivedCounts()
        let items: [JSONValue] = catalogue.engine.served.enumerated().map { position, entry in
            guard case .object(var object) = AdminJSON.interaction(catalogue.summaries[position]) else { return .null }
            object["request"] = PactWriter.json(for: entry.request, version: entry.version)
            object["responseStatus"] = .int(entry.responseStatus)
            object["received"] = .int(position < counts.count ? counts[position] : 0)
            return .object(object)
        }
        return AdminJSON.response(["count": .int(items.count), "interactions": .array(items)])
    }

    private static func log(_ mock: StandaloneMock) -> MockResponse {
        let (entries, dropped) = mock.log.entries()
        return AdminJSON.response([
            "entries": .array(entries.map(AdminJSON.entry)),
            "dropped": .int(dropped),
            "limit": .int(mock.log.limit),
        ])
    }

    private static func verification(_ mock: StandaloneMock, query: PactRequest) -> MockResponse {
        let consumer = query.queryValues("consumer")?.first ?? nil
        let provider = query.queryValues("provider")?.first ?? nil
        if let unknown = unknownParticipant(consumer, role: "consumer", served: mock.catalogue.pacts.map(\.consumer))
            ?? unknownParticipant(provider, role: "provider", served: mock.catalogue.pacts.map(\.provider)) {
            return unknown
        }
        let result = mock.verification { summary in
            (consumer.map { $0 == summary.consumer } ?? true) && (provider.map { $0 == summary.provider } ?? true)
        }
        let body: JSONValue = [
            "ok": .bool(result.isSuccess),
            "matched": .int(result.matchedCount),
            "failureCount": .int(result.failureCount),
            "failures": .array(result.failures.map(AdminJSON.entry)),
            "missing": .array(result.missing.map(AdminJSON.interaction)),
            "report": .string(result.report),
        ]
        return AdminJSON.response(body, status: result.isSuccess ? 200 : 500,
                                  headers: result.isSuccess ? [] : [("X-Pact", "Verification-Failed")])
    }

    /// 404 when `name` is given and no pact served has it in `role`, naming those that are: a filter that matches
    /// nothing would otherwise verify nothing and answer a green 200.
    private static func unknownParticipant(_ name: String?, role: String, served: [String]) -> MockResponse? {
        guard let name, !served.contains(name) else { return nil }
        let known = Array(Set(served)).sorted()
        let list = known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")
        return AdminJSON.response([
            "error": .string("no pact served for \(role) '\(name)' (\(role)s served: \(list))"),
            "\(role)s": .array(known.map(JSONValue.string)),
        ], status: 404)
    }
}
