import Foundation

/// Which webhook requests the broker may send: pact_broker's `webhook_http_method_whitelist`,
/// `webhook_scheme_whitelist` and `webhook_host_whitelist`. Checked when a webhook is saved and again before every
/// attempt.
public struct WebhookSecurityPolicy: Sendable, Hashable {
    /// Allowed methods, compared case-insensitively; `["POST"]` by default.
    public var methods: [String]
    /// Allowed URL schemes, compared case-insensitively; `["https"]` by default.
    public var schemes: [String]
    /// Allowed hosts; empty (the default) allows every host.
    public var hosts: [WebhookHostPattern]

    /// pact_broker's defaults unless given.
    public init(methods: [String] = ["POST"], schemes: [String] = ["https"], hosts: [WebhookHostPattern] = []) {
        self.methods = methods
        self.schemes = schemes
        self.hosts = hosts
    }

    /// Whether `method` is allowed.
    public func allows(method: String) -> Bool {
        methods.contains { $0.caseInsensitiveCompare(method) == .orderedSame }
    }

    /// Whether `scheme` is allowed.
    public func allows(scheme: String) -> Bool {
        schemes.contains { $0.caseInsensitiveCompare(scheme) == .orderedSame }
    }

    /// Whether `host` is allowed: always when no host patterns are configured.
    public func allows(host: String) -> Bool {
        hosts.isEmpty || hosts.contains { $0.matches(host: host) }
    }

    /// pact_broker's message for a method not allowed.
    public var methodMessage: String {
        let list = methods.count == 1 ? "must be \(methods[0])" : "must be one of \(methods.joined(separator: ", "))"
        return "\(list). See /doc/webhooks#whitelist for more information."
    }

    /// pact_broker's message for a scheme not allowed.
    public var schemeMessage: String {
        "scheme must be \(schemes.joined(separator: ", ")). See /doc/webhooks#whitelist for more information."
    }

    /// pact_broker's message for a host not allowed.
    public var hostMessage: String {
        "host must be in the whitelist \(hosts.map(\.description).joined(separator: ", ")). See /doc/webhooks#whitelist for more information."
    }
}
