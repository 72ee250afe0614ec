import Foundation
import PactModel

/// The webhook resources, as pact_broker's `AllWebhooks`, `PacticipantWebhooks`, `PactWebhooks`, `Webhook`,
/// `WebhookExecution`, `PactTriggeredWebhooks` and `TriggeredWebhookLogs` serve them.
extension BrokerAPI {
    var webhookPolicy: WebhookSecurityPolicy { webhookDispatcher?.executor.policy ?? WebhookSecurityPolicy() }

    func webhookRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let s = r.segments
        if s.matches("webhooks") {
            try r.allow("GET", "POST")
            if r.method == "POST" { return try await createWebhook(r, urls, consumer: nil, provider: nil, scoped: false) }
            return .ok(webhooksJSON(try await store.read { try await $0.webhooks() }, urls, self: urls.webhooks, title: "Webhooks"))
        }
        if s.matches("webhooks", "execute") {
            try r.allow("POST")
            let definition = try await parseWebhook(r, uuid: WebhookDefinitionParser.newUUID())
            return try await executeWebhook(definition, saved: false, r, urls)
        }
        if s.matches("webhooks", "provider", nil, "consumer", nil) {
            return try await pacticipantWebhooks(r, urls, consumer: s[4], provider: s[2])
        }
        if s.matches("webhooks", "provider", nil) { return try await pacticipantWebhooks(r, urls, consumer: nil, provider: s[2]) }
        if s.matches("webhooks", "consumer", nil) { return try await pacticipantWebhooks(r, urls, consumer: s[2], provider: nil) }
        if s.matches("webhooks", nil) { return try await webhookResource(r, urls, uuid: s[1]) }
        if s.matches("webhooks", nil, "execute") {
            try r.allow("POST")
            guard let webhook = try await store.read({ try await $0.webhook(uuid: s[1]) }) else { throw APIError.notFound() }
            return try await executeWebhook(webhook, saved: true, r, urls)
        }
        throw APIError.notFound()
    }

    /// `/pacts/provider/P/consumer/C/webhooks`, `.../webhooks/status` and
    /// `/pacts/provider/P/consumer/C/version/V/triggered-webhooks`; nil for other paths.
    func pactWebhookRoutes(
        _ r: APIRequest, _ urls: BrokerURLs, provider: String, consumer: String, rest: [String]
    ) async throws -> APIReply? {
        if rest.matches("webhooks", "status") { return try await pactWebhooksStatus(r, urls, provider: provider, consumer: consumer) }
        if rest.matches("webhooks") {
            return try await pacticipantWebhooks(r, urls, consumer: consumer, provider: provider, title: "Pact webhooks",
                                                 selfURL: urls.pactWebhooks(provider, consumer))
        }
        guard rest.matches("version", nil, "triggered-webhooks") else { return nil }
        try r.allow("GET")
        let number = rest[1]
        let found = try await store.read { tx -> (PublicationView, [TriggeredWebhook], [String: WebhookDefinition], [String: Int])? in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer),
                  let v = try await tx.version(pacticipantID: c.id, number: number),
                  let view = try await tx.publications(providerID: p.id, consumerID: c.id, scope: .consumerVersions([v.id])).first
            else { return nil }
            let triggered = try await tx.triggeredWebhooks(consumerVersionID: v.id, providerID: p.id)
            var webhooks: [String: WebhookDefinition] = [:]
            for uuid in Set(triggered.map(\.webhookUUID)) { webhooks[uuid] = try await tx.webhook(uuid: uuid) }
            var attempts: [String: Int] = [:]
            for t in triggered { attempts[t.uuid] = try await tx.webhookExecutions(triggeredWebhookUUID: t.uuid).count }
            return (view, triggered, webhooks, attempts)
        }
        guard let (view, triggered, webhooks, attempts) = found else { throw APIError.notFound() }
        let title = "Webhooks triggered by the publication of the pact between \(view.consumer.name) "
            + "(\(view.consumerVersion.number)) and \(view.provider.name)"
        let selfURL = urls.pact(provider, consumer, version: number) + "/triggered-webhooks"
        return .ok([
            "_embedded": ["triggeredWebhooks": .array(triggered.map { triggeredWebhookJSON($0, webhook: webhooks[$0.webhookUUID], attemptsMade: attempts[$0.uuid] ?? 0, urls) })],
            "_links": ["self": Representations.link(selfURL, title: title)],
        ])
    }

    /// `GET|POST /webhooks/provider/P/consumer/C`, `/webhooks/provider/P`, `/webhooks/consumer/C` (and the pact's
    /// webhooks): 404 when a named pacticipant does not exist; GET lists the webhooks with exactly this consumer and
    /// provider; POST creates one for them.
    private func pacticipantWebhooks(
        _ r: APIRequest, _ urls: BrokerURLs, consumer: String?, provider: String?, title: String = "Webhooks",
        selfURL: String? = nil
    ) async throws -> APIReply {
        try r.allow("GET", "POST")
        let exists = try await store.read { tx in
            for name in [consumer, provider].compactMap({ $0 }) where try await tx.pacticipant(named: name) == nil {
                return false
            }
            return true
        }
        guard exists else { throw APIError.notFound() }
        if r.method == "POST" {
            return try await createWebhook(r, urls, consumer: consumer, provider: provider, scoped: true)
        }
        let all = try await store.read { try await $0.webhooks() }
        let selected = all.filter { webhook in
            Self.name(of: webhook.consumer) == consumer && Self.name(of: webhook.provider) == provider
        }
        let path = r.base + "/" + r.segments.map(BrokerURLs.segment).joined(separator: "/")
        return .ok(webhooksJSON(selected, urls, self: selfURL ?? path, title: title))
    }

    private static func name(of selector: WebhookPacticipantSelector?) -> String? {
        if case .name(let name)? = selector { return name }
        return nil
    }

    /// `GET|PUT|DELETE /webhooks/:uuid`; PUT creates (201) or updates (200).
    private func webhookResource(_ r: APIRequest, _ urls: BrokerURLs, uuid: String) async throws -> APIReply {
        try r.allow("GET", "PUT", "DELETE")
        let existing = try await store.read { try await $0.webhook(uuid: uuid) }
        switch r.method {
        case "GET":
            guard let existing else { throw APIError.notFound() }
            return .ok(webhookJSON(existing, urls))
        case "DELETE":
            guard existing != nil else { throw APIError.notFound() }
            _ = try await store.write { try await $0.deleteWebhook(uuid: uuid) }
            return .noContent
        default:
            var definition = try await parseWebhook(r, uuid: uuid)
            if let existing {
                definition = definition.keepingRedactedSecrets(of: existing)
                let given = (try? JSONParser.parse(Data(r.body)))?.objectValue ?? [:]
                if given["events"] == nil { definition.events = existing.events }
                if given["enabled"] == nil { definition.enabled = existing.enabled }
                if given["description"] == nil { definition.description = existing.description }
            }
            let saved = try await save(definition)
            return APIReply(status: existing == nil ? 201 : 200, body: webhookJSON(saved, urls))
        }
    }

    /// `POST` to a webhooks collection: 201 with the webhook and its Location. On the pacticipant routes the
    /// consumer and provider of the path replace those of the body (a label in the body stays when the path names
    /// none), as pact_broker's `webhook_service.create(uuid, webhook, consumer, provider)`.
    private func createWebhook(
        _ r: APIRequest, _ urls: BrokerURLs, consumer: String?, provider: String?, scoped: Bool
    ) async throws -> APIReply {
        var definition = try await parseWebhook(r, uuid: WebhookDefinitionParser.newUUID())
        if scoped {
            definition.consumer = consumer.map { .name($0) } ?? Self.labelOnly(definition.consumer)
            definition.provider = provider.map { .name($0) } ?? Self.labelOnly(definition.provider)
        }
        let saved = try await save(definition)
        return .created(webhookJSON(saved, urls), location: urls.webhook(saved.uuid))
    }

    private static func labelOnly(_ selector: WebhookPacticipantSelector?) -> WebhookPacticipantSelector? {
        if case .label? = selector { return selector }
        return nil
    }

    /// The request body as a webhook with `uuid`; 400 with pact_broker's `errors` when invalid.
    private func parseWebhook(_ r: APIRequest, uuid: String) async throws -> WebhookDefinition {
        let store = store
        let result = await WebhookDefinitionParser.parse(Data(r.body), uuid: uuid, policy: webhookPolicy) { name in
            (try? await store.read { try await $0.pacticipant(named: name) != nil }) ?? false
        }
        switch result {
        case .success(let definition): return definition
        case .failure(let errors): throw APIError(status: 400, body: errors.jsonRepresentation())
        }
    }

    private func save(_ definition: WebhookDefinition) async throws -> WebhookDefinition {
        let at = now()
        do {
            return try await store.write { try await $0.saveWebhook(definition, at: at) }
        } catch let missing as WebhookPacticipantMissing {
            let path = Self.name(of: definition.consumer) == missing.name ? "consumer.name" : "provider.name"
            throw APIError.badRequest([path: ["does not match an existing pacticipant"]])
        }
    }

    /// `POST /webhooks/:uuid/execute` and `POST /webhooks/execute`: one attempt now with the latest matching pact
    /// (and verification, for a verification event), `eventName` `test`; answers the request, the response or the
    /// hidden-response message, the logs and success, as pact_broker's `WebhookExecutionResultDecorator`.
    private func executeWebhook(_ webhook: WebhookDefinition, saved: Bool, _ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        guard let dispatcher = webhookDispatcher else { throw APIError.notFound() }
        var context = try await testContext(for: webhook, urls)
        context.eventName = "test"
        // The request's base URL names the documentation when no --base-url is configured.
        var settings = dispatcher.executor.settings
        if settings.baseURL.isEmpty { settings.baseURL = r.base }
        let executor = WebhookExecutor(
            client: dispatcher.executor.client, policy: dispatcher.executor.policy, settings: settings,
            clock: dispatcher.executor.clock)
        let execution = await executor.execute(webhook, context: context, triggeredWebhookUUID: nil, attempt: 1) {
            $0 ? "Successfully executed webhook" : "Webhook execution failed"
        }
        let showResponse = executor.showsResponse
        func headers(_ list: [WebhookHeader]) -> JSONValue {
            var object: [String: JSONValue] = [:]
            for header in list {
                object[header.name] = .string(object[header.name]?.stringValue.map { $0 + ", " + header.value } ?? header.value)
            }
            return .object(object)
        }
        // Absent values are left out, as Representable leaves out nil properties.
        func body(_ text: String) -> JSONValue { (try? JSONParser.parse(Data(text.utf8))) ?? .string(text) }
        var request: [String: JSONValue] = ["headers": headers(execution.requestHeaders), "url": .string(execution.requestURL)]
        if let text = execution.requestBody { request["body"] = body(text) }
        var out: [String: JSONValue] = [
            "request": .object(request),
            "logs": .string(execution.logs),
            "success": .bool(execution.success),
        ]
        if showResponse {
            if let status = execution.responseStatus {
                var response: [String: JSONValue] = ["status": .int(status), "headers": headers(execution.responseHeaders)]
                if let text = execution.responseBody { response["body"] = body(text) }
                out["response"] = .object(response)
            }
            if let error = execution.error { out["error"] = ["message": .string(error)] }
        } else {
            out["message"] = .string(executor.hiddenMessage)
        }
        var links: [String: JSONValue] = [
            "try-again": Representations.link(r.base + "/" + r.segments.map(BrokerURLs.segment).joined(separator: "/"),
                                              title: "Execute the webhook again"),
        ]
        if saved { links["webhook"] = Representations.link(urls.webhook(webhook.uuid)) }
        out["_links"] = .object(links)
        return .ok(.object(out))
    }

    /// The parameters of a test execution: the latest pact between the webhook's consumer and provider (any, when
    /// it names none) and, for a verification event, that pact's latest verification.
    private func testContext(for webhook: WebhookDefinition, _ urls: BrokerURLs) async throws -> WebhookTemplateContext {
        let consumer = Self.name(of: webhook.consumer), provider = Self.name(of: webhook.provider)
        let wantsVerification = webhook.events.contains {
            [.providerVerificationPublished, .providerVerificationSucceeded, .providerVerificationFailed].contains($0)
        }
        return try await store.read { tx in
            let view = try await tx.latestPublicationsOfEveryIntegration()
                .filter { (consumer == nil || $0.consumer.name == consumer) && (provider == nil || $0.provider.name == provider) }
                .max { $0.publication.id < $1.publication.id }
            guard let view else {
                return WebhookTemplateContext(consumerName: consumer, providerName: provider)
            }
            var context = try await pactContext(tx, view: view, urls: urls)
            if wantsVerification, let verification = try await tx.verifications(pactContentID: view.content.id).last,
               let providerVersion = try await tx.version(id: verification.providerVersionID) {
                try await addVerification(tx, to: &context, view: view, verification: verification,
                                          providerVersion: providerVersion, urls: urls)
            }
            return context
        }
    }

    /// `GET /triggered-webhooks/:uuid/logs`: the executions' logs as text (the default, as pact_broker's first
    /// content type), or as HAL JSON when the client asks for JSON.
    func triggeredWebhookLogs(_ r: APIRequest, _ urls: BrokerURLs, uuid: String) async throws -> APIReply {
        let found = try await store.read { tx -> (TriggeredWebhook, [WebhookExecution], WebhookDefinition?)? in
            guard let triggered = try await tx.triggeredWebhook(uuid: uuid) else { return nil }
            return (triggered, try await tx.webhookExecutions(triggeredWebhookUUID: uuid), try await tx.webhook(uuid: triggered.webhookUUID))
        }
        guard let (triggered, executions, webhook) = found else { throw APIError.notFound() }
        let accept = r.headers["accept"]?.lowercased() ?? ""
        if !accept.contains("json") {
            let text = executions.isEmpty
                ? "Webhook has not executed yet. Please retry in a few seconds."
                : executions.map(\.logs).joined(separator: "\n")
            return APIReply(status: 200, body: nil, contentType: "text/plain;charset=utf-8", text: text)
        }
        var links: [String: JSONValue] = ["self": Representations.link(urls.triggeredWebhookLogs(uuid), title: "Triggered webhook logs")]
        if webhook != nil { links["pb:webhook"] = Representations.link(urls.webhook(triggered.webhookUUID), title: "Webhook") }
        return .ok([
            "eventName": .string(triggered.eventName.rawValue),
            "consumerName": Representations.optional(triggered.context.consumerName),
            "providerName": Representations.optional(triggered.context.providerName),
            "_embedded": ["triggeredWebhook": ["uuid": .string(triggered.uuid)]],
            "executions": .array(executions.map {
                ["success": .bool($0.success), "logs": .string($0.logs), "createdAt": .string(BrokerTime.text($0.startedAt))]
            }),
            "_links": .object(links),
        ])
    }

    // MARK: Representations

    /// pact_broker's `WebhookDecorator`.
    func webhookJSON(_ webhook: WebhookDefinition, _ urls: BrokerURLs) -> JSONValue {
        var object = webhook.jsonRepresentation().objectValue ?? [:]
        if let createdAt = webhook.createdAt {
            object["createdAt"] = .string(BrokerTime.text(createdAt))
            if let updatedAt = webhook.updatedAt, BrokerTime.text(updatedAt) != BrokerTime.text(createdAt) {
                object["updatedAt"] = .string(BrokerTime.text(updatedAt))
            }
        }
        var links: [String: JSONValue] = [
            "self": Representations.link(urls.webhook(webhook.uuid), title: webhook.displayDescription),
            "pb:execute": Representations.link(
                urls.webhook(webhook.uuid) + "/execute",
                title: "Test the execution of the webhook with the latest matching pact or verification by sending a POST request to this URL"),
            "pb:webhooks": Representations.link(urls.webhooks, title: "All webhooks"),
        ]
        switch webhook.consumer {
        case .name(let name)?: links["pb:consumer"] = Representations.link(urls.pacticipant(name), title: "Consumer", name: name)
        case .label(let label)?:
            links["pb:consumers"] = Representations.link(urls.pacticipantsWithLabel(label), title: "Consumers by label", name: label)
        case nil: break
        }
        switch webhook.provider {
        case .name(let name)?: links["pb:provider"] = Representations.link(urls.pacticipant(name), title: "Provider", name: name)
        case .label(let label)?:
            links["pb:providers"] = Representations.link(urls.pacticipantsWithLabel(label), title: "Providers by label", name: label)
        case nil: break
        }
        if case .name(let consumer)? = webhook.consumer, case .name(let provider)? = webhook.provider {
            links["pb:pact-webhooks"] = Representations.link(
                urls.webhooksFor(provider: provider, consumer: consumer),
                title: "All webhooks for consumer \(consumer) and provider \(provider)")
        }
        object["_links"] = .object(links)
        return .object(object)
    }

    /// pact_broker's `WebhooksDecorator`.
    func webhooksJSON(_ webhooks: [WebhookDefinition], _ urls: BrokerURLs, self selfURL: String, title: String) -> JSONValue {
        [
            "_links": [
                "self": Representations.link(selfURL, title: title),
                "pb:create": Representations.link(selfURL, title: "POST to create a webhook"),
                "pb:webhooks": .array(webhooks.map {
                    Representations.link(urls.webhook($0.uuid), title: Self.scopeDescription($0), name: $0.displayDescription)
                }),
                "curies": [["name": "pb", "href": .string(urls.base + "/doc/webhooks-{rel}"), "templated": true]],
            ],
        ]
    }

    /// pact_broker's `Webhook#scope_description`.
    static func scopeDescription(_ webhook: WebhookDefinition) -> String {
        func name(_ selector: WebhookPacticipantSelector?, plural: String, other: Bool) -> String {
            switch selector {
            case .name(let name)?: name
            case .label(let label)?: "\(other ? plural + " " : "")labeled '\(label)'"
            case nil: ""
            }
        }
        let consumer = name(webhook.consumer, plural: "consumers", other: webhook.provider != nil)
        let provider = name(webhook.provider, plural: "providers", other: webhook.consumer != nil)
        switch (webhook.consumer, webhook.provider) {
        case (.some, .some): return "A webhook for the pact between \(consumer) and \(provider)"
        case (nil, .some): return "A webhook for all pacts with provider \(provider)"
        case (.some, nil): return "A webhook for all pacts with consumer \(consumer)"
        case (nil, nil): return "A webhook for all pacts"
        }
    }

    /// pact_broker's `TriggeredWebhookDecorator`.
    func triggeredWebhookJSON(_ t: TriggeredWebhook, webhook: WebhookDefinition?, attemptsMade: Int, _ urls: BrokerURLs) -> JSONValue {
        let name = webhook?.request.summary ?? ""
        let attempts = (webhookDispatcher?.settings.retrySchedule.count ?? 6) + 1
        var links: [String: JSONValue] = [
            "pb:logs": Representations.link(urls.triggeredWebhookLogs(t.uuid), title: "Webhook execution logs", name: name),
            "logs": Representations.link(urls.triggeredWebhookLogs(t.uuid), title: "DEPRECATED - Use pb:logs", name: name),
        ]
        if webhook != nil { links["pb:webhook"] = Representations.link(urls.webhook(t.webhookUUID), title: "Webhook", name: name) }
        return [
            "name": .string(name),
            "status": .string(t.status.rawValue),
            "attemptsMade": .int(attemptsMade),
            "attemptsRemaining": .int(t.status == .success || t.status == .failure ? 0 : max(attempts - attemptsMade, 0)),
            "triggerType": .string(t.triggerType.rawValue),
            "eventName": .string(t.eventName.rawValue),
            "triggeredAt": .string(BrokerTime.text(t.createdAt)),
            "_links": .object(links),
        ]
    }
}

extension BrokerURLs {
    var webhooks: String { base + "/webhooks" }
    func webhook(_ uuid: String) -> String { base + "/webhooks/" + Self.segment(uuid) }
    func webhooksFor(provider: String, consumer: String) -> String {
        base + "/webhooks/provider/" + Self.segment(provider) + "/consumer/" + Self.segment(consumer)
    }
    func pactWebhooks(_ provider: String, _ consumer: String) -> String {
        base + "/pacts/provider/" + Self.segment(provider) + "/consumer/" + Self.segment(consumer) + "/webhooks"
    }
    func triggeredWebhookLogs(_ uuid: String) -> String { base + "/triggered-webhooks/" + Self.segment(uuid) + "/logs" }
    func pacticipantsWithLabel(_ label: String) -> String { base + "/pacticipants/label/" + Self.segment(label) }
}
