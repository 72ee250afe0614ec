import Foundation
import PactModel

/// Which consumer or provider a webhook is for: one pacticipant by name, or every pacticipant carrying a label.
public enum WebhookPacticipantSelector: Sendable, Hashable {
    /// The pacticipant with this name.
    case name(String)
    /// Every pacticipant with this label.
    case label(String)
}

/// One header of a webhook request template, in the order given.
public struct WebhookHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The value, possibly holding `${pactbroker.*}` parameters.
    public var value: String

    /// A header `name: value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A webhook request's body as given: text sent as is (parameters substituted), or JSON (parameters substituted in
/// its strings, then written compactly).
public enum WebhookBody: Sendable, Hashable {
    /// A string body.
    case text(String)
    /// A JSON body (any JSON value but a string).
    case json(JSONValue)
}

/// The request a webhook sends, before its `${pactbroker.*}` parameters are rendered.
public struct WebhookRequestTemplate: Sendable, Hashable {
    /// The HTTP method, as given (`POST`, `post`...).
    public var method: String
    /// The URL template; parameters may appear anywhere but in the host.
    public var url: String
    /// Header templates in order.
    public var headers: [WebhookHeader]
    /// The body template, if any.
    public var body: WebhookBody?
    /// The basic-auth user name template.
    public var username: String?
    /// The basic-auth password template; never shown back (see `WebhookDefinition.json(baseURL:)`).
    public var password: String?

    /// A request template.
    public init(
        method: String, url: String, headers: [WebhookHeader] = [], body: WebhookBody? = nil, username: String? = nil,
        password: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.username = username
        self.password = password
    }

    /// `POST example.org`: the method upper-cased and the URL's host, as pact_broker describes a webhook request.
    public var summary: String {
        let host = URLComponents(string: WebhookTemplate.renderWithPlaceholder(url))?.host ?? ""
        return "\(method.uppercased()) \(host)"
    }

    /// The password as pact_broker displays it: `**********`, or the template itself when it is only a parameter
    /// reference (it holds no secret).
    public var displayPassword: String? {
        guard let password else { return nil }
        return WebhookTemplate.includesParameter(password) ? password : WebhookRedaction.mask
    }

    /// Headers as pact_broker displays them: values of `Authorization` and `*token*` headers masked unless they are
    /// parameter references.
    public var displayHeaders: [WebhookHeader] {
        headers.map { header in
            WebhookRedaction.isSensitiveHeader(header.name) && !WebhookTemplate.includesParameter(header.value)
                ? WebhookHeader(name: header.name, value: WebhookRedaction.mask) : header
        }
    }
}

/// A webhook: what triggers it, for which consumer and provider, and the request it sends.
public struct WebhookDefinition: Sendable, Hashable {
    /// The identifier, matching `/^[A-Za-z0-9_\-]{16,}$/`.
    public var uuid: String
    /// A free-text description.
    public var description: String?
    /// The consumer it is for; nil means every consumer.
    public var consumer: WebhookPacticipantSelector?
    /// The provider it is for; nil means every provider.
    public var provider: WebhookPacticipantSelector?
    /// The events it fires on (at least one).
    public var events: [WebhookEventName]
    /// The request it sends.
    public var request: WebhookRequestTemplate
    /// Disabled webhooks never fire.
    public var enabled: Bool
    /// When it was created and last changed; the store sets them.
    public var createdAt: Date?
    /// See `createdAt`.
    public var updatedAt: Date?

    /// A webhook definition.
    public init(
        uuid: String, description: String? = nil, consumer: WebhookPacticipantSelector? = nil,
        provider: WebhookPacticipantSelector? = nil, events: [WebhookEventName] = [WebhookEventName.defaultEvent],
        request: WebhookRequestTemplate, enabled: Bool = true, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.uuid = uuid
        self.description = description
        self.consumer = consumer
        self.provider = provider
        self.events = events
        self.request = request
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// True when neither consumer nor provider is set: the webhook fires for every integration.
    public var isGlobal: Bool { consumer == nil && provider == nil }

    /// The description, or pact_broker's default one (`POST example.org`).
    public var displayDescription: String { description ?? request.summary }

    /// Whether this webhook fires for `event` on the integration of `consumer` and `provider` (pact_broker's
    /// `Webhook#is_for?` plus the enabled flag and the event subscription).
    public func fires(for event: WebhookEventName, consumer: WebhookPacticipant, provider: WebhookPacticipant) -> Bool {
        enabled && events.contains(event) && Self.selects(self.consumer, consumer) && Self.selects(self.provider, provider)
    }

    /// Whether it is for the integration of `consumer` and `provider`, whatever its events and enabled or not
    /// (pact_broker's `find_by_consumer_and_or_provider`, as `any_webhooks_configured_for_pact?` asks it).
    public func selects(consumer: WebhookPacticipant, provider: WebhookPacticipant) -> Bool {
        Self.selects(self.consumer, consumer) && Self.selects(self.provider, provider)
    }

    private static func selects(_ selector: WebhookPacticipantSelector?, _ pacticipant: WebhookPacticipant) -> Bool {
        switch selector {
        case nil: true
        case .name(let name): name == pacticipant.name
        case .label(let label): pacticipant.labels.contains(label)
        }
    }
}

/// A consumer or provider as webhook selection sees it: its name and labels.
public struct WebhookPacticipant: Sendable, Hashable {
    /// The pacticipant name.
    public var name: String
    /// Its labels.
    public var labels: [String]

    /// A pacticipant.
    public init(name: String, labels: [String] = []) {
        self.name = name
        self.labels = labels
    }
}

/// How secrets are hidden in displays and logs, as pact_broker hides them.
public enum WebhookRedaction {
    /// What replaces a secret: ten asterisks.
    public static let mask = "**********"

    /// `Authorization` and any header whose name holds `token`, case-insensitively (`HEADERS_TO_REDACT`).
    public static func isSensitiveHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("authorization") || lower.contains("token")
    }
}
