extension OpenAPICheckReport {
    /// The report for people: each pact with its verdict, its findings grouped by interaction (one line each:
    /// `error` or `warning`, the code, the pact location, the message, the document location), the note about
    /// skipped message interactions once per pact that has some, and a closing summary line with the counts.
    ///
    /// ```text
    /// sirius-data-lpa-codes.json (sirius -> data-lpa-codes): incompatible, 1 error, 0 warnings
    ///   [0] A valid request to generate a code
    ///     error   request.authorization.missing at [root].interactions[0].request.headers: Request Authorization header is missing but is required by the spec file (spec: [root].paths./create.post)
    ///
    /// 1 pact checked against codes.yml: 1 error, 0 warnings; incompatible
    /// ```
    public func text() -> String {
        var lines: [String] = []
        for pact in pacts {
            lines += Self.lines(for: pact)
            lines.append("")
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 pacts checked against codes.yml: 11 errors, 11 warnings; incompatible`.
    public var summary: String {
        let verdict = hasErrors ? "incompatible" : "compatible"
        return "\(Self.count(pacts.count, "pact")) checked against \(document): "
            + "\(Self.count(errorCount, "error")), \(Self.count(warningCount, "warning")); \(verdict)"
    }

    private static func lines(for pact: PactCheck) -> [String] {
        let comparison = pact.comparison
        let errors = comparison.errors.count
        let warnings = comparison.results.count - errors
        let verdict = comparison.hasErrors ? "incompatible" : "compatible"
        var lines = ["\(pact.file) (\(pact.consumer) -> \(pact.provider)): \(verdict), "
                     + "\(count(errors, "error")), \(count(warnings, "warning"))"]
        if comparison.results.isEmpty {
            let checked = pact.interactionCount - comparison.skippedMessageInteractions
            lines.append("  \(count(checked, "HTTP interaction")) checked, no findings")
        }
        for group in groups(comparison.results) {
            lines.append("  " + group.heading)
            for result in group.results {
                lines.append("    " + line(for: result))
            }
        }
        if let note = comparison.note { lines.append("  note: \(note)") }
        return lines
    }

    /// `error   request.body.incompatible at [root]…: message (spec: [root]…)`, the type padded so codes align.
    static func line(for result: OpenAPICheckResult) -> String {
        let type = result.type == .error ? "error  " : "warning"
        return "\(type) \(result.code.rawValue) at \(result.mockDetails.location): \(result.message) "
            + "(spec: \(result.specDetails.location))"
    }

    struct Group {
        var heading: String
        var results: [OpenAPICheckResult]
    }

    /// Consecutive results of one interaction (the same `[root].interactions[N]`, or the same description and state
    /// when the location has no index) under one heading.
    static func groups(_ results: [OpenAPICheckResult]) -> [Group] {
        var groups: [Group] = []
        var lastKey: String?
        for result in results {
            let details = result.mockDetails
            let index = interactionIndex(details.location)
            let key = index.map { "#\($0)" } ?? "\(details.interactionDescription)\u{0}\(details.interactionState)"
            if key != lastKey {
                var heading = index.map { "[\($0)] " } ?? ""
                heading += details.interactionDescription
                if details.interactionState != "[none]" { heading += " (given \(details.interactionState))" }
                groups.append(Group(heading: heading, results: []))
                lastKey = key
            }
            groups[groups.count - 1].results.append(result)
        }
        return groups
    }

    /// N of a location starting `[root].interactions[N]`.
    static func interactionIndex(_ location: String) -> Int? {
        let prefix = "[root].interactions["
        guard location.hasPrefix(prefix) else { return nil }
        let rest = location.dropFirst(prefix.count)
        guard let close = rest.firstIndex(of: "]") else { return nil }
        return Int(rest[..<close])
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
