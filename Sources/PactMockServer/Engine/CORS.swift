import PactModel

/// Cross-origin headers, so a browser client can call the mock from another origin.
package enum CORS {
    static let allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT"

    /// Headers for every response: the request's `Origin` (or `*`) is allowed, with credentials.
    package static func headers(for request: PactRequest) -> [(name: String, value: String)] {
        [
            ("Access-Control-Allow-Origin", request.headers.values(forHeader: "Origin")?.first ?? "*"),
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Expose-Headers", "Location, Link"),
        ]
    }

    /// The answer to a pre-flight `OPTIONS` request no interaction covers.
    package static func preflight(for request: PactRequest) -> MockResponse {
        let requested = request.headers.values(forHeader: "Access-Control-Request-Headers")?.joined(separator: ", ")
        var fields = headers(for: request)
        fields.append(("Access-Control-Allow-Methods", allowedMethods))
        fields.append(("Access-Control-Allow-Headers", requested ?? "*"))
        fields.append(("Access-Control-Max-Age", "3600"))
        return MockResponse(status: 204, headers: fields)
    }
}
