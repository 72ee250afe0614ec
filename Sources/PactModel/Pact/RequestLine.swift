/// The one way PactKit names a request in logs, reports and error bodies: `POST /orders?id=1`.
public enum RequestLine {
    /// `METHOD /path?query`; no `?` when the query is nil or empty. The method is shown as given.
    public static func text(method: String, path: String, query: String?) -> String {
        guard let query, !query.isEmpty else { return "\(method) \(path)" }
        return "\(method) \(path)?\(query)"
    }
}
