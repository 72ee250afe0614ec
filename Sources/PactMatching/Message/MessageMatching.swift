import PactModel

/// Matches message contents and metadata. Contents are matched like response bodies (unexpected keys allowed); the
/// metadata's content type says how to read them.
public enum MessageMatching {
    /// Every difference between the actual and the expected message; empty when they match.
    public static func match(expected: MessageContents, actual: MessageContents, version: PactSpecVersion) -> [Mismatch] {
        var mismatches = BodyMatching.match(
            expected: expected.contents, actual: actual.contents, expectedHeaders: contentTypeHeader(expected.metadata),
            actualHeaders: contentTypeHeader(actual.metadata), rules: expected.matchingRules,
            allowUnexpectedKeys: true, version: version
        ).map { mismatch in
            // pact-reference's sentence for messages of different content types.
            guard mismatch.kind == .bodyType, let expectedType = mismatch.expected, let actualType = mismatch.actual else {
                return mismatch
            }
            var renamed = mismatch
            renamed.message = "Expected message with content type \(expectedType) but was \(actualType)"
            return renamed
        }
        mismatches += MetadataMatching.match(expected: expected.metadata, actual: actual.metadata,
                                             rules: expected.matchingRules[.metadata])
        return mismatches
    }

    /// The metadata's content type as a header, so body matching reads it like an HTTP one.
    private static func contentTypeHeader(_ metadata: [String: JSONValue]) -> Headers {
        for key in metadata.keys.sorted() where MetadataMatching.isContentTypeKey(key) {
            if let value = metadata[key]?.stringValue { return ["Content-Type": [value]] }
        }
        return [:]
    }
}
