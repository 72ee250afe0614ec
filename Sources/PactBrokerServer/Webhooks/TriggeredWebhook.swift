import Foundation

/// One firing of a webhook for one event: what pact_broker keeps in `triggered_webhooks`, with its status.
public struct TriggeredWebhook: Sendable, Hashable {
    /// How far its execution got (pact_broker's `STATUS_*`).
    public enum Status: String, Sendable, Hashable, Codable {
        /// Queued; no attempt yet.
        case notRun = "not_run"
        /// An attempt failed and another is scheduled.
        case retrying
        /// An attempt got a success status.
        case success
        /// Every attempt failed, the webhook was deleted, or it could not be queued.
        case failure
    }

    /// Why it fired (pact_broker's `TRIGGER_TYPE_*`).
    public enum TriggerType: String, Sendable, Hashable, Codable {
        /// A publication (pact or verification) fired it.
        case resourceCreation = "resource_creation"
        /// A user asked for an execution.
        case user
    }

    /// Its own identifier.
    public var uuid: String
    /// The webhook it runs; the definition is read again before each attempt.
    public var webhookUUID: String
    /// The event that fired it.
    public var eventName: WebhookEventName
    /// Why it fired.
    public var triggerType: TriggerType
    /// The parameters its request is rendered with (`eventName` set).
    public var context: WebhookTemplateContext
    /// How far it got.
    public var status: Status
    /// When it was triggered.
    public var createdAt: Date
    /// When its status last changed.
    public var updatedAt: Date

    /// A triggered webhook.
    public init(
        uuid: String, webhookUUID: String, eventName: WebhookEventName, triggerType: TriggerType,
        context: WebhookTemplateContext, status: Status = .notRun, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.uuid = uuid
        self.webhookUUID = webhookUUID
        self.eventName = eventName
        self.triggerType = triggerType
        self.context = context
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One attempt to send a webhook request, as recorded: the request sent (sensitive headers masked), the response
/// (when responses are shown), the error, success, and pact_broker's execution log text.
public struct WebhookExecution: Sendable, Hashable {
    /// The triggered webhook it belongs to; nil for a test execution (`POST /webhooks/:uuid/execute`).
    public var triggeredWebhookUUID: String?
    /// 1 for the first attempt.
    public var attempt: Int
    /// When the attempt started.
    public var startedAt: Date
    /// Whether the response status was a success code.
    public var success: Bool
    /// The method sent (upper-cased), or the template's when nothing was sent.
    public var requestMethod: String
    /// The URL sent, or the template's when nothing was sent.
    public var requestURL: String
    /// The headers sent, `Authorization` and `*token*` values masked.
    public var requestHeaders: [WebhookHeader]
    /// The body sent.
    public var requestBody: String?
    /// The response status, when a response came.
    public var responseStatus: Int?
    /// The response headers, when responses are shown.
    public var responseHeaders: [WebhookHeader]
    /// The response body (valid UTF-8, capped), when responses are shown.
    public var responseBody: String?
    /// Why no response came, or why the request was not sent.
    public var error: String?
    /// The log text pact_broker shows at `/triggered-webhooks/:uuid/logs`.
    public var logs: String

    /// An execution record.
    public init(
        triggeredWebhookUUID: String?, attempt: Int, startedAt: Date, success: Bool, requestMethod: String,
        requestURL: String, requestHeaders: [WebhookHeader] = [], requestBody: String? = nil,
        responseStatus: Int? = nil, responseHeaders: [WebhookHeader] = [], responseBody: String? = nil,
        error: String? = nil, logs: String
    ) {
        self.triggeredWebhookUUID = triggeredWebhookUUID
        self.attempt = attempt
        self.startedAt = startedAt
        self.success = success
        self.requestMethod = requestMethod
        self.requestURL = requestURL
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.responseStatus = responseStatus
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.error = error
        self.logs = logs
    }
}
