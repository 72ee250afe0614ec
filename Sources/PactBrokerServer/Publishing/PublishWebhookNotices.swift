import Foundation

/// The webhook notices of `POST /contracts/publish`, in pact_broker's words (`Contracts::Service`'s
/// `triggered_webhook_notices`, the `messages.webhooks` texts of its `en.yml`).
extension BrokerAPI {
    /// Those of `webhooks` (every webhook, read in the transaction) that are for the pact's integration, by name,
    /// label or neither, whatever their events and enabled or not (pact_broker's `any_webhooks_configured_for_pact?`).
    func webhooksConfigured(
        _ tx: any BrokerStoreTransaction, _ webhooks: [WebhookDefinition], view: PublicationView
    ) async throws -> [WebhookDefinition] {
        if webhooks.isEmpty { return [] }
        let consumer = try await Self.selectable(tx, view.consumer), provider = try await Self.selectable(tx, view.provider)
        return webhooks.filter { $0.selects(consumer: consumer, provider: provider) }
    }

    /// One debug notice per triggered webhook (`Webhook "description" triggered for event contract_published.` and
    /// where its logs are), else, when webhooks exist for the integration but none fired, that none is enabled for
    /// the detected events; nothing when the integration has no webhook.
    func webhookNotices(_ triggered: [TriggeredWebhook], configured: [WebhookDefinition], urls: BrokerURLs) -> [Notice] {
        if triggered.isEmpty {
            return configured.isEmpty ? [] : [Notice(type: "debug", text: "  No enabled webhooks found for the detected events")]
        }
        let descriptions = Dictionary(configured.map { ($0.uuid, $0.description) }, uniquingKeysWith: { first, _ in first })
        return triggered.map { t in
            // pact_broker: `webhook.description&.inspect || webhook_uuid`.
            let name = (descriptions[t.webhookUUID] ?? nil).map(Self.rubyInspect) ?? t.webhookUUID
            return Notice(type: "debug", text: "  Webhook \(name) triggered for event \(t.eventName.rawValue).\n"
                                              + "    View logs at \(urls.triggeredWebhookLogs(t.uuid))")
        }
    }

    /// A string as Ruby's `String#inspect` writes it: in double quotes, with quotes, backslashes, control characters
    /// and interpolation starts (`#{`, `#$`, `#@`) escaped.
    static func rubyInspect(_ text: String) -> String {
        var out = "\""
        var previousHash = false
        for scalar in text.unicodeScalars {
            if previousHash, scalar == "{" || scalar == "$" || scalar == "@" {
                out.removeLast()
                out += "\\#"
            }
            previousHash = scalar == "#"
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\u{1B}": out += "\\e"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + String(format: "%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
