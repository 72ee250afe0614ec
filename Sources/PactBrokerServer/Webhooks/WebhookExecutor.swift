import Foundation
import OutboundHTTP

/// Sends one attempt of a webhook through `OutboundHTTPClient` and writes its record and pact_broker-style log.
public struct WebhookExecutor: Sendable {
    /// The one outgoing HTTP client.
    public let client: OutboundHTTPClient
    /// What may be sent.
    public let policy: WebhookSecurityPolicy
    /// Timeouts, success codes, log limits.
    public let settings: WebhookExecutionSettings
    /// Dates for the log.
    public let clock: any WebhookClock

    /// An executor.
    public init(
        client: OutboundHTTPClient, policy: WebhookSecurityPolicy, settings: WebhookExecutionSettings,
        clock: any WebhookClock = SystemWebhookClock()
    ) {
        self.client = client
        self.policy = policy
        self.settings = settings
        self.clock = clock
    }

    /// Whether responses go into logs (see `WebhookExecutionSettings.showResponse`).
    public var showsResponse: Bool { settings.showResponse ?? !policy.hosts.isEmpty }

    /// Renders, checks and sends `webhook`'s request once. `completion` gives the closing log line for the outcome
    /// (`Successfully executed webhook`, `Retrying webhook in 60 seconds`...).
    public func execute(
        _ webhook: WebhookDefinition, context: WebhookTemplateContext, triggeredWebhookUUID: String?, attempt: Int,
        completion: @Sendable (Bool) -> String? = { _ in nil }
    ) async -> WebhookExecution {
        var log = ExecutionLog(clock: clock)
        let startedAt = clock.now()
        log.debug("Webhook context \(Self.contextJSON(context))")
        let rendered: RenderedWebhookRequest
        do {
            rendered = try RenderedWebhookRequest.render(
                webhook.request, context: context, policy: policy, userAgent: settings.userAgent)
        } catch {
            log.error("Webhook \(webhook.uuid) request not sent: \(error.reason)")
            if let line = completion(false) { log.info(line) }
            return WebhookExecution(
                triggeredWebhookUUID: triggeredWebhookUUID, attempt: attempt, startedAt: startedAt, success: false,
                requestMethod: webhook.request.method.uppercased(), requestURL: webhook.request.url,
                error: error.reason, logs: log.text)
        }
        let request = rendered.request
        log.info("HTTP/1.1 \(request.method) \(request.url.absoluteString)")
        for header in rendered.redactedHeaders { log.info("\(header.name): \(header.value)") }
        if let body = rendered.bodyText { log.info(Self.masked(body, secrets: rendered.secrets)) }

        var record = WebhookExecution(
            triggeredWebhookUUID: triggeredWebhookUUID, attempt: attempt, startedAt: startedAt, success: false,
            requestMethod: request.method, requestURL: request.url.absoluteString,
            requestHeaders: rendered.redactedHeaders, requestBody: rendered.bodyText, logs: "")
        do {
            let response = try await client.send(
                request, timeout: settings.requestTimeout, maxBodyBytes: settings.maxResponseBodyBytes)
            record.success = settings.successCodes.contains(response.status)
            record.responseStatus = response.status
            if showsResponse {
                let headers = response.headers.map { WebhookHeader(name: $0.name, value: $0.value) }
                let body = capped(response.body)
                record.responseHeaders = headers
                record.responseBody = body
                log.info("HTTP/1.1 \(response.status)")
                for header in headers { log.info("\(header.name): \(header.value)") }
                if let body { log.info(body) }
            } else {
                log.info(hiddenMessage)
            }
        } catch {
            record.error = error.description
            if showsResponse {
                log.error("Error executing webhook \(webhook.uuid) \(Self.name(of: error.kind)) - \(error.reason)")
            } else {
                log.error("Error executing webhook \(webhook.uuid). \(hiddenMessage)")
            }
        }
        if let line = completion(record.success) { log.info(line) }
        record.logs = Self.masked(log.text, secrets: rendered.secrets)
        return record
    }

    /// pact_broker's `messages.response_body_hidden`.
    public var hiddenMessage: String {
        "For security purposes, the response details are not logged. To enable response logging, configure the "
            + "webhook_host_whitelist property. See \(settings.baseURL)/doc/webhooks#whitelist for more information."
    }

    private func capped(_ body: [UInt8]) -> String? {
        if body.isEmpty { return nil }
        let limit = settings.maxLoggedResponseBodyBytes
        let kept = body.count > limit ? Array(body.prefix(limit)) : body
        var text = String(decoding: kept, as: UTF8.self)
        if body.count > limit { text += "\n... (\(body.count - limit) more bytes not logged)" }
        return text
    }

    private static func masked(_ text: String, secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "********") }
    }

    private static func name(of kind: OutboundHTTPError.Kind) -> String {
        switch kind {
        case .invalidRequest: "InvalidRequest"
        case .unreachable: "Unreachable"
        case .timeout: "Timeout"
        case .bodyTooLarge: "BodyTooLarge"
        case .tls: "TLSError"
        case .notHTTP: "NotHTTP"
        case .connection: "ConnectionError"
        case .cancelled: "Cancelled"
        }
    }

    private static func contextJSON(_ context: WebhookTemplateContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(context)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// pact_broker's execution log format: `[2026-12-07T01:30:00Z] INFO: message`, one line per entry.
struct ExecutionLog {
    let clock: any WebhookClock
    private(set) var text = ""

    init(clock: any WebhookClock) { self.clock = clock }

    mutating func debug(_ message: String) { add("DEBUG", message) }
    mutating func info(_ message: String) { add("INFO", message) }
    mutating func error(_ message: String) { add("ERROR", message) }

    private mutating func add(_ severity: String, _ message: String) {
        text += "[\(clock.now().formatted(.iso8601))] \(severity): \(message)\n"
    }
}
