extension WebhookDefinition {
    /// A `PUT /webhooks/:uuid` body applied over `existing` as pact_broker's `maintain_redacted_params` does: a
    /// password left out or sent back as asterisks keeps the stored one, and a header whose value is only asterisks
    /// keeps the stored value (or is dropped when there is none), so a client can send back what it was shown.
    public func keepingRedactedSecrets(of existing: WebhookDefinition) -> WebhookDefinition {
        var updated = self
        if let stored = existing.request.password, Self.isStarred(request.password) {
            updated.request.password = stored
        }
        updated.request.headers = request.headers.compactMap { header in
            guard Self.isStarred(header.value) else { return header }
            return existing.request.headers
                .first { $0.name.caseInsensitiveCompare(header.name) == .orderedSame }
                .map { WebhookHeader(name: header.name, value: $0.value) }
        }
        return updated
    }

    private static func isStarred(_ value: String?) -> Bool {
        guard let value else { return true }
        return value.allSatisfy { $0 == "*" }
    }
}

/// The webhook status of an integration, as the broker's index page and `/pacts/.../webhooks/status` show it
/// (pact_broker's `Webhooks::Status`).
public enum WebhookStatusSummary: String, Sendable, Hashable {
    /// No webhooks apply.
    case none
    /// None of the latest triggered webhooks has run.
    case notRun = "not_run"
    /// One of them is between attempts.
    case retrying
    /// All succeeded.
    case success
    /// Some failed.
    case failure

    /// The status from the number of webhooks applying and the latest triggered webhook of each.
    public init(webhookCount: Int, latestTriggered: [TriggeredWebhook]) {
        if webhookCount == 0 {
            self = .none
        } else if latestTriggered.allSatisfy({ $0.status == .notRun }) {
            self = .notRun
        } else if latestTriggered.contains(where: { $0.status == .retrying }) {
            self = .retrying
        } else {
            self = latestTriggered.allSatisfy { $0.status == .success } ? .success : .failure
        }
    }
}
