import PactMatching
import PactModel

extension VerificationReport {
    /// The report as a JSON document (keys sorted): `result`, `exitCode`, `summary`, `sourceErrors`,
    /// `skippedPacts` (pacts for other providers: `source`, `consumer`, `provider`, `reason`), `mixedProviders` when
    /// the pacts name several providers (`message`, `providers`) and, per pact, every interaction with its `status`,
    /// `mismatches` (`kind`, `path`, `expected`, `actual`, `message`) and `errors` (`kind`, `message`, and the
    /// provider's `status` and `body` for state changes).
    public func json() -> JSONValue {
        let s = summary
        var document: [String: JSONValue] = [
            "result": .bool(exitCode == 0),
            "exitCode": .int(Int(exitCode)),
            "summary": [
                "total": .int(s.total), "passed": .int(s.passed), "failed": .int(s.failed),
                "pending": .int(s.pending), "skipped": .int(s.skipped), "errors": .int(s.errors),
                "filteredOut": .int(pacts.reduce(0) { $0 + $1.filteredOut }), "pactsFilteredOut": .int(pactsFilteredOut),
                "pactsSkipped": .int(skippedPacts.count),
            ],
            "sourceErrors": .array(sourceErrors.map { ["source": .string($0.source), "message": .string($0.message)] }),
            "skippedPacts": .array(skippedPacts.map(Self.json)),
            "pacts": .array(pacts.map(Self.json)),
        ]
        if let mixedProviders {
            document["mixedProviders"] = [
                "message": .string(mixedProviders.description),
                "providers": .array(mixedProviders.providers.map { provider in
                    ["name": .string(provider.name), "pacts": .array(provider.pacts.map { .string($0) })]
                }),
            ]
        }
        return .object(document)
    }

    private static func json(_ skipped: SkippedPact) -> JSONValue {
        var object: [String: JSONValue] = [
            "consumer": .string(skipped.consumer), "provider": .string(skipped.provider), "reason": .string(skipped.reason),
        ]
        if let source = skipped.source { object["source"] = .string(source) }
        return .object(object)
    }

    /// `json()` pretty-printed, with a trailing newline.
    public func jsonText() -> String { JSONWriter.pretty(json()) }

    private static func json(_ pact: PactResult) -> JSONValue {
        var object: [String: JSONValue] = [
            "consumer": .string(pact.consumer),
            "provider": .string(pact.provider),
            "specification": .string(pact.specVersion.versionString),
            "filteredOut": .int(pact.filteredOut),
            "interactions": .array(pact.interactions.map(json)),
        ]
        if let source = pact.source { object["source"] = .string(source) }
        return .object(object)
    }

    private static func json(_ result: InteractionResult) -> JSONValue {
        var object: [String: JSONValue] = [
            "description": .string(result.description),
            "type": .string(result.interactionType),
            "providerStates": .array(result.providerStates.map { ["name": .string($0.name), "params": .object($0.params)] }),
            "pending": .bool(result.pending),
            "status": .string(result.status.rawValue),
            "durationMs": .double(((Double(result.duration.components.seconds) * 1000
                + Double(result.duration.components.attoseconds) / 1e15) * 1000).rounded() / 1000),
            "mismatches": .array(result.mismatches.map(json)),
            "errors": .array(result.errors.map(json)),
            "notes": .array(result.notes.map { .string($0) }),
        ]
        if let request = result.request { object["request"] = .string(request) }
        if !result.comments.isEmpty { object["comments"] = .object(result.comments) }
        return .object(object)
    }

    private static func json(_ mismatch: Mismatch) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(mismatch.kind.rawValue), "path": .string(mismatch.path), "message": .string(mismatch.message),
        ]
        if let expected = mismatch.expected { object["expected"] = .string(expected) }
        if let actual = mismatch.actual { object["actual"] = .string(actual) }
        return .object(object)
    }

    private static func json(_ error: VerificationError) -> JSONValue {
        var object: [String: JSONValue] = ["kind": .string(error.kind.rawValue), "message": .string(error.message)]
        if let status = error.status { object["status"] = .int(status) }
        if let body = error.body { object["body"] = .string(body) }
        return .object(object)
    }
}
