import PactMatching
import PactModel

/// Short texts shared by the verification report and the mock's error bodies.
package enum ProblemText {
    /// `POST /orders?id=1`.
    package static func requestLine(_ request: PactRequest) -> String {
        RequestLine.text(method: request.method.uppercased(), path: request.path, query: request.rawQuery)
    }

    /// Where a mismatch is: `body $.items[0].id`, `header 'Accept'`, `query parameter 'page'`, `path`…
    package static func location(_ mismatch: Mismatch) -> String {
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
    package static func interaction(_ interaction: HTTPInteraction) -> String {
        let states = interaction.info.providerStates.map { "'\($0.name)'" }
        return states.isEmpty
            ? "'\(interaction.info.description)'"
            : "'\(interaction.info.description)' (given \(states.joined(separator: ", ")))"
    }

    /// A value for a report line; long values are cut so one bad body does not flood the output.
    package static func value(_ text: String?) -> String {
        guard let text else { return "(none)" }
        return text.count > 300 ? "\(text.prefix(300))… (\(text.count) characters)" : text
    }
}
