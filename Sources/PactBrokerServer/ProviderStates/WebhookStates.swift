/// States about webhooks. The webhook itself goes to the broker's `WebhookStore`, saved after the transaction that
/// creates the pacticipants.
enum WebhookStates {
    static let webhookUUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0"

    static let all: [BrokerProviderState] = [
        .init("a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists") { b in
            try await b.createConsumer("Condor").createProvider("Pricing Service").createWebhook(uuid: webhookUUID)
        },
        .init("a webhook with uuid non-existent-uuid does not exist"),
    ]
}
