import PactMatching
import PactModel

/// Short texts shared by the verification report and the mock's error bodies.
enum ProblemText {
    /// `POST /orders?id=1`.
    static func requestLine(_ request: HTTPRequest) -> String {
        let query = request.rawQuery.map { $0.isEmpty ? "" : "?\($0)" } ?? ""
        return "\(request.method.uppercased()) \(request.path)\(query)"
    }

    /// Where a mismatch is: `body $.items[0].id`, `header 'Accept'`, `query parameter 'page'`, `path`…
    static func location(_ mismatch: Mismatch) -> String {
        switch mismatch.kind {
        case .body: mismatch.path.isEmpty ? "body" : "body \(mismatch.path)"
        case .bodyType: "body content type"
        case .header: "header '\(mismatch.path)'"
        case .query: mismatch.path.isEmpty ? "query" : "query parameter '\(mismatch.path)'"
        case .metadata: "metadata '\(mismatch.path)'"
        case .method, .path, .status: mismatch.kind.rawValue
        }
    }

    /// `create an order (given 'a user exists', 'stock is low')`.
    static func interaction(_ interaction: HTTPInteraction) -> String {
        let states = interaction.info.providerStates.map { "'\($0.name)'" }
        return states.isEmpty
            ? "'\(interaction.info.description)'"
            : "'\(interaction.info.description)' (given \(states.joined(separator: ", ")))"
    }

    /// A value for a report line; long values are cut so one bad body does not flood the output.
    static func value(_ text: String?) -> String {
        guard let text else { return "(none)" }
        return text.count > 300 ? "\(text.prefix(300))… (\(text.count) characters)" : text
    }
}
