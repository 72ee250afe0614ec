import PactModel

/// An expected request prepared for matching many actual requests: what matching reads from it (the path rules, the
/// query parameters, the headers with their rules, the body's content type, rule selector and rule states) is worked
/// out once instead of per request. A mock provider prepares each interaction's request; `RequestMatching.match`
/// prepares one for a single comparison, so both report the same mismatches.
public final class PreparedRequest: Sendable {
    /// The request as the pact gives it.
    public let expected: PactRequest
    private let pathRules: RuleList?
    private let queryParameters: [QueryParameter]?
    private let queryRules: [String: RuleList]
    private let headers: ExpectedHeaders
    private let body: ExpectedBody

    /// Prepares `expected` to be matched many times.
    public convenience init(_ expected: PactRequest) {
        self.init(expected, warm: true)
    }

    /// - Parameter warm: also take the rule steps of the expected JSON body now (worth it when matched many times).
    init(_ expected: PactRequest, warm: Bool) {
        self.expected = expected
        pathRules = RuleLookup.single(expected.matchingRules[.path])
        queryParameters = QueryMatching.parameters(of: expected)
        queryRules = expected.matchingRules[.query]
        headers = ExpectedHeaders(expected.headers, rules: expected.matchingRules[.header])
        body = ExpectedBody(expected.body, headers: expected.headers, rules: expected.matchingRules, warm: warm)
    }

    /// Every difference between `actual` and the expected request; empty when they match. Requests are matched
    /// strictly: unexpected body keys fail (PACT-SPEC §6).
    public func match(_ actual: PactRequest, version: PactSpecVersion) -> [Mismatch] {
        match(ReceivedRequest(actual), version: version)
    }

    /// As `match(_:version:)`, for a request matched against several expected requests.
    public func match(_ received: ReceivedRequest, version: PactSpecVersion) -> [Mismatch] {
        let actual = received.request
        var mismatches = MethodMatching.match(expected: expected.method, actual: actual.method)
        mismatches += PathMatching.match(expected: expected.path, actual: actual.path, list: pathRules)
        mismatches += QueryMatching.match(expected: expected, parameters: queryParameters, rules: queryRules,
                                          actual: actual, version: version)
        mismatches += headers.match(actual.headers)
        mismatches += body.match(actual.body, actualType: received.bodyContentType, allowUnexpectedKeys: false)
        return mismatches
    }
}

/// An actual request with what matching reads from it worked out once (its body's content type), for matching it
/// against several prepared requests. Used by one thread at a time.
public final class ReceivedRequest {
    /// The request as it arrived.
    public let request: PactRequest
    private var contentType: ContentType??

    /// `request`, to be matched.
    public init(_ request: PactRequest) {
        self.request = request
    }

    /// From the headers, else the body (nil when unknown); read on first use.
    var bodyContentType: ContentType? {
        if let contentType { return contentType }
        let found = BodyContent.contentType(of: request.body, headers: request.headers)
        contentType = .some(found)
        return found
    }
}
