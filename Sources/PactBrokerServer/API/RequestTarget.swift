import Foundation

/// Whether a request is for the API or the HTML UI, as pact_broker's `lib/rack/pact_broker/request_target.rb`
/// decides: an Accept header naming an API media type, a missing one, or `*/*` (except for web assets) is the API.
public enum RequestTarget {
    static let apiTypes = ["application/hal+json", "application/problem+json", "application/json", "text/csv",
                           "application/yaml", "text/plain"]
    static let assetExtensions = [".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".woff", ".woff2", ".ttf", ".map"]

    /// True when the request with this Accept header and path should get the API's JSON, false for the UI.
    public static func isAPI(accept: String?, path: String) -> Bool {
        guard let accept = accept?.lowercased(), !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        if apiTypes.contains(where: { accept.contains($0) }) { return true }
        if accept.contains("*/*") {
            let lowered = path.lowercased()
            return !assetExtensions.contains { lowered.hasSuffix($0) }
        }
        return false
    }
}
