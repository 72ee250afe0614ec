import PactModel

/// The checks the HTTP and message builders share, so both word their usage errors alike.
enum DeclarationChecks {
    /// Errors for empty consumer or provider names and a version older than `oldest`, the first that can hold the
    /// builder's `noun`s (HTTP interactions: V1; messages: V3).
    static func builderErrors(
        consumer: String, provider: String, specVersion: PactSpecVersion, oldest: PactSpecVersion, noun: String,
        at location: PactSourceLocation
    ) -> [PactUsageError] {
        var errors: [PactUsageError] = []
        if consumer.trimmingCharacters(in: .whitespaces).isEmpty || provider.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(PactUsageError(location: location, reason: "the consumer and provider names must not be empty"))
        }
        if specVersion < oldest {
            errors.append(PactUsageError(
                location: location, reason: "\(noun)s need Pact \(oldest.majorName) or later, but this pact is written as "
                    + "\(specVersion); use specVersion: \(oldest.upgradeSpelling)"))
        }
        return errors
    }

    /// The error for a V4-only `feature` declared in a pact of an earlier `version`, or nil.
    static func requireV4(
        _ feature: String, version: PactSpecVersion, interaction: String, at location: PactSourceLocation
    ) -> PactUsageError? {
        guard version < .v4 else { return nil }
        return PactUsageError(
            location: location, interaction: interaction,
            reason: "\(feature) needs Pact V4 or later, but this pact is written as \(version); use specVersion: .v4")
    }

    /// `comments.text` with `text` appended.
    static func appendingComment(_ text: String, to comments: [String: JSONValue]) -> [String: JSONValue] {
        var result = comments
        result["text"] = .array((comments["text"]?.arrayValue ?? []) + [.string(text)])
        return result
    }
}
