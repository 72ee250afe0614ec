import PactModel

/// Matches a whole request: method, path, query, headers and body. Requests are matched strictly: unexpected body
/// keys fail (PACT-SPEC §6).
public enum RequestMatching {
    /// Every difference between the actual and the expected request; empty when they match. To match many requests
    /// against one expected request, prepare it once (`PreparedRequest`).
    public static func match(expected: PactRequest, actual: PactRequest, version: PactSpecVersion) -> [Mismatch] {
        PreparedRequest(expected, warm: false).match(actual, version: version)
    }
}
