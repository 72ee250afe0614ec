import Foundation
import OutboundHTTP
import PactModel

/// A webhook request with its parameters rendered and checked, ready to send.
public struct RenderedWebhookRequest: Sendable {
    /// What goes on the wire.
    public var request: OutboundRequest
    /// The body as text, for logs.
    public var bodyText: String?
    /// Values to mask wherever the request is logged (password, the basic-auth credentials).
    var secrets: [String]

    /// Renders `template` with `context` and checks the result against `policy`. Values are URL-escaped in the URL
    /// and JSON-escaped in a JSON body; a rendered header holding CR, LF or NUL, a URL whose host differs from the
    /// template's, or a method, scheme or host the policy does not allow is refused with the reason.
    public static func render(
        _ template: WebhookRequestTemplate, context: WebhookTemplateContext, policy: WebhookSecurityPolicy,
        userAgent: String? = nil
    ) throws(WebhookRequestRefused) -> RenderedWebhookRequest {
        let problems = WebhookDefinitionParser.check(template, policy: policy)
        if let first = problems.entries.first {
            throw WebhookRequestRefused(reason: "\(first.path) \(first.message)")
        }
        let urlText = WebhookTemplate.renderURL(template.url, context: context)
        if WebhookTemplate.includesParameter(urlText) {
            throw WebhookRequestRefused(reason: "the URL '\(urlText)' has an unknown template parameter")
        }
        guard let components = WebhookDefinitionParser.parsedURL(urlText), let url = components.url,
            let host = components.host, let scheme = components.scheme
        else {
            throw WebhookRequestRefused(reason: "the rendered URL '\(urlText)' is not a valid URL")
        }
        guard host == WebhookDefinitionParser.parsedURL(template.url)?.host else {
            throw WebhookRequestRefused(reason: "the rendered URL '\(urlText)' has a different host from the webhook's")
        }
        guard policy.allows(scheme: scheme) else { throw WebhookRequestRefused(reason: "request.url \(policy.schemeMessage)") }
        guard policy.allows(host: host) else { throw WebhookRequestRefused(reason: "request.url \(policy.hostMessage)") }

        var headers: [HTTPField] = []
        let setsUserAgent = template.headers.contains { $0.name.caseInsensitiveCompare("User-Agent") == .orderedSame }
        if let userAgent, !setsUserAgent { headers.append(HTTPField(name: "User-Agent", value: userAgent)) }
        for header in template.headers {
            let value = WebhookTemplate.render(header.value, context: context)
            if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                throw WebhookRequestRefused(reason: "the rendered value of header '\(header.name)' contains a line break or NUL")
            }
            headers.append(HTTPField(name: header.name, value: value))
        }
        var secrets: [String] = []
        let username = template.username.map { WebhookTemplate.render($0, context: context) }
        if let username, !username.isEmpty {
            let password = template.password.map { WebhookTemplate.render($0, context: context) } ?? ""
            let credentials = Data("\(username):\(password)".utf8).base64EncodedString()
            headers.append(HTTPField(name: "Authorization", value: "Basic \(credentials)"))
            secrets.append(credentials)
            if !password.isEmpty { secrets.append(password) }
        }
        var bodyText: String?
        switch template.body {
        case .text(let text)?: bodyText = WebhookTemplate.render(text, context: context)
        case .json(let json)?: bodyText = JSONWriter.compact(WebhookTemplate.renderJSON(json, context: context))
        case nil: break
        }
        let request = OutboundRequest(
            method: template.method.uppercased(), url: url, headers: headers, body: bodyText.map { Array($0.utf8) })
        return RenderedWebhookRequest(request: request, bodyText: bodyText, secrets: secrets)
    }

    /// The headers with `Authorization` and `*token*` values masked.
    public var redactedHeaders: [WebhookHeader] {
        request.headers.map { field in
            WebhookHeader(
                name: field.name,
                value: WebhookRedaction.isSensitiveHeader(field.name) ? WebhookRedaction.mask : field.value)
        }
    }
}

/// Why a webhook request was not sent.
public struct WebhookRequestRefused: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, e.g. `request.url scheme must be https. See /doc/webhooks#whitelist for more information.`.
    public var reason: String

    /// A refusal.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
