/// The events a webhook can subscribe to, named as pact_broker names them (`webhooks/webhook_event.rb`).
public enum WebhookEventName: String, Sendable, Hashable, CaseIterable, Codable {
    /// A pact was published, changed or not.
    case contractPublished = "contract_published"
    /// A pact was published whose content (or tags) differ from the previous publication; the default event.
    case contractContentChanged = "contract_content_changed"
    /// A verification result was published.
    case providerVerificationPublished = "provider_verification_published"
    /// A successful verification result was published.
    case providerVerificationSucceeded = "provider_verification_succeeded"
    /// A failed verification result was published.
    case providerVerificationFailed = "provider_verification_failed"
    /// A pact was published that some provider version (main branch head, deployed or released) has not verified;
    /// fires once per such provider version.
    case contractRequiringVerificationPublished = "contract_requiring_verification_published"

    /// The event a webhook created without `events` subscribes to.
    public static let defaultEvent = WebhookEventName.contractContentChanged

    /// The names in pact_broker's order (`EVENT_NAMES`), as its validation message lists them.
    public static let pactBrokerOrder: [WebhookEventName] = [
        .contractPublished, .contractContentChanged, .providerVerificationPublished, .providerVerificationSucceeded,
        .providerVerificationFailed, .contractRequiringVerificationPublished,
    ]
}
