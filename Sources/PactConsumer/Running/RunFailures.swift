import PactMatching
import PactMockServer
import PactModel

/// Turns what went wrong in a run into failures with readable messages at the right source locations.
enum RunFailures {
    static func usage(_ error: PactUsageError) -> PactFailure {
        PactFailure(kind: .usage, interaction: error.interaction, message: "Pact usage error: \(error.descriptionWithoutLocation)",
                    location: error.location)
    }

    static func mockServer(_ message: String, at location: PactSourceLocation) -> PactFailure {
        PactFailure(kind: .mockServer, message: "Pact: \(message)", location: location)
    }

    /// The failures of a run whose closure did not finish within `timeout`: what the mock found so far, except that
    /// the interactions never received are named together in one failure at the run line, as still outstanding.
    static func timedOut(
        after timeout: Duration, _ verification: MockServerVerification, interactions: [DeclaredInteraction],
        at runLocation: PactSourceLocation
    ) -> [PactFailure] {
        var failures = Self.verification(verification, interactions: interactions, at: runLocation)
        let outstanding = failures.filter { $0.kind == .missingRequest }
        failures.removeAll { $0.kind == .missingRequest }
        let limit = "Pact: the test closure did not finish within the run's timeout of \(RunTimeout.text(timeout))"
        let advice = "the closure was cancelled; if the client is only slow, give run(timeout:) or "
            + "\(RunTimeout.variable) more time"
        let message: String
        if outstanding.isEmpty {
            message = "\(limit), after every interaction was received; \(advice)"
        } else {
            let names = outstanding.map { "'\($0.interaction ?? "")' (\($0.request ?? ""))" }
            message = "\(limit); still outstanding (declared but never received by the mock provider): "
                + "\(names.joined(separator: ", ")); \(advice)"
        }
        failures.append(PactFailure(kind: .timedOut, message: message, location: runLocation))
        return failures
    }

    /// The closure's error, shortened: client errors often embed the mock's whole 500 answer as escaped JSON, and
    /// the failures before this one already say what it holds.
    static func testError(_ error: any Error, afterMockFindings: Bool, at location: PactSourceLocation) -> PactFailure {
        let lead = afterMockFindings
            ? "Pact: the test closure then threw (most likely because of the mock provider's answer to the request above)"
            : "Pact: the test closure threw an error"
        return PactFailure(kind: .testError, message: "\(lead): \(shortened("\(error)"))", location: location)
    }

    /// `text` on one line (runs of white space made one space), at most `limit` characters, saying how much was
    /// left out.
    static func shortened(_ text: String, limit: Int = 160) -> String {
        let oneLine = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard oneLine.count > limit else { return oneLine }
        return "\(oneLine.prefix(limit))… (\(oneLine.count - limit) more characters)"
    }

    static func verification(
        _ verification: MockServerVerification, interactions: [DeclaredInteraction], at runLocation: PactSourceLocation
    ) -> [PactFailure] {
        var failures: [PactFailure] = []
        for mismatched in verification.mismatched {
            let declared = interactions.indices.contains(mismatched.interactionIndex) ? interactions[mismatched.interactionIndex] : nil
            let request = summary(of: mismatched.request)
            for mismatch in mismatched.mismatches {
                failures.append(PactFailure(
                    kind: .mismatch, interaction: mismatched.interaction, request: request, mismatch: mismatch,
                    message: mismatchMessage(mismatch, interaction: mismatched.interaction, request: request),
                    location: declared?.location ?? runLocation))
            }
        }
        // An interaction that got a wrong request is already reported by its mismatches; "never received" would
        // only repeat it. Likewise one the client meant to call at a wrong path: an unexpected request with the
        // same method takes the first such interaction into its own report.
        var attempted = Set(verification.mismatched.map(\.interactionIndex))
        let missingIndices = verification.missing.compactMap { missing in interactions.firstIndex { $0.interaction == missing } }
        for unexpected in verification.unexpected {
            let request = summary(of: unexpected.request)
            let declared = interactions.map { "'\($0.description)' (\(summary(of: $0.interaction.request)))" }
            var message = "Pact: unexpected request \(request): no interaction has this method and path. Declared: "
                + declared.joined(separator: ", ")
            let meant = missingIndices.first { index in
                !attempted.contains(index) && interactions[index].interaction.request.method == unexpected.request.method
            }
            if let meant {
                attempted.insert(meant)
                message += "; '\(interactions[meant].description)' was never received, so this request was probably "
                    + "meant for it"
            }
            failures.append(PactFailure(kind: .unexpectedRequest, request: request, message: message, location: runLocation))
        }
        for missing in verification.missing {
            let index = interactions.firstIndex { $0.interaction == missing }
            if let index, attempted.contains(index) { continue }
            let declared = index.map { interactions[$0] }
            let request = summary(of: missing.request)
            failures.append(PactFailure(
                kind: .missingRequest, interaction: missing.info.description, request: request,
                message: "Pact: interaction '\(missing.info.description)' expected \(request) but it was never received",
                location: declared?.location ?? runLocation))
        }
        return failures
    }

    /// "Pact mismatch in 'x' (POST /a): body $.id: Expected … \n expected: … \n actual: …"
    static func mismatchMessage(_ mismatch: Mismatch, interaction: String, request: String) -> String {
        let place = mismatch.path.isEmpty ? mismatch.kind.rawValue : "\(mismatch.kind.rawValue) \(mismatch.path)"
        var text = "Pact mismatch in interaction '\(interaction)' for \(request): \(place): \(mismatch.message)"
        text += "\n  expected: \(mismatch.expected ?? "(nothing)")"
        text += "\n  actual:   \(mismatch.actual ?? "(missing)")"
        return text
    }

    /// `METHOD /path?query`.
    static func summary(of request: PactRequest) -> String {
        var text = "\(request.method) \(request.path)"
        if let query = request.query, !query.isEmpty {
            let pairs = query.flatMap { parameter in parameter.values.map { value in value.map { "\(parameter.name)=\($0)" } ?? parameter.name } }
            text += "?" + pairs.joined(separator: "&")
        } else if let raw = request.rawQuery, !raw.isEmpty {
            text += "?" + raw
        }
        return text
    }
}

extension PactUsageError {
    /// The description without the location prefix (the test framework shows the location itself).
    var descriptionWithoutLocation: String {
        var text = ""
        if let interaction { text += "interaction '\(interaction)': " }
        if let part { text += "\(part): " }
        return text + reason
    }
}
