import PactModel

/// Matches the responses of a synchronous message exchange (V4 `Synchronous/Messages`): as many responses as the pact
/// expects, each matched in order like an asynchronous message. As pact-reference does, a count that differs is one
/// mismatch and the contents are not compared.
public enum SynchronousMessageMatching {
    /// Every difference between the actual and the expected responses; empty when they match. Mismatch paths of the
    /// second and later responses are prefixed with `response[i]`.
    public static func match(
        expected: [MessageContents], actual: [MessageContents], version: PactSpecVersion
    ) -> [Mismatch] {
        guard expected.count == actual.count else {
            let message = actual.isEmpty
                ? "Expected a message with a response, but the actual response was empty"
                : "Expected a message with \(expected.count) response(s), but the actual response had \(actual.count)"
            return [Mismatch(kind: .bodyType, expected: "\(expected.count) response message(s)",
                             actual: "\(actual.count) response message(s)", message: message)]
        }
        var mismatches: [Mismatch] = []
        for (index, pair) in zip(expected, actual).enumerated() {
            let found = MessageMatching.match(expected: pair.0, actual: pair.1, version: version)
            mismatches += expected.count == 1 ? found : found.map { mismatch in
                var labelled = mismatch
                labelled.path = "response[\(index)]" + (mismatch.path.isEmpty ? "" : " \(mismatch.path)")
                return labelled
            }
        }
        return mismatches
    }
}
