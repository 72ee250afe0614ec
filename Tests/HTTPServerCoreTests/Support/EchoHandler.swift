import Foundation
import HTTPServerCore

/// Answers with the request as the handler saw it, one `key: value` line per field, so tests can check parsing.
func echo(_ request: ServerRequest) -> ServerResponse {
    var lines = [
        "method: \(request.method)",
        "target: \(request.target)",
        "path: \(request.path)",
        "query: \(request.rawQuery ?? "<none>")",
        "hasBody: \(request.hasBody)",
        "body: \(String(decoding: request.body, as: UTF8.self))",
    ]
    for field in request.headers { lines.append("header \(field.name): \(field.value)") }
    return .text(lines.joined(separator: "\n"), headers: [("X-Echo", "yes")])
}

extension String {
    /// The value of a `key: value` line of an echo body.
    func echoed(_ key: String) -> String? {
        split(separator: "\n").first { $0.hasPrefix("\(key): ") }.map { String($0.dropFirst(key.count + 2)) }
    }
}

/// `echo`, counting the requests that reach it.
func countingEcho(_ counter: Counter) -> @Sendable (ServerRequest) -> ServerResponse {
    { request in
        counter.increment()
        return echo(request)
    }
}
