/// How the dispatcher sends webhooks: pact_broker's `webhook_retry_schedule`, `webhook_http_code_success`, its
/// 15-second timeouts and its scheduling delays, plus PactKit's limits.
public struct WebhookExecutionSettings: Sendable, Hashable {
    /// The waits after each failed attempt; one more attempt than entries. 10 s, 1, 2, 5, 10 and 20 min by default.
    public var retrySchedule: [Duration]
    /// Response statuses that count as success; 200–206 by default.
    public var successCodes: Set<Int>
    /// The time one attempt may take in all; 15 seconds by default (pact_broker's read and open timeouts).
    public var requestTimeout: Duration
    /// The largest response body read; a longer one fails the attempt. 1 MiB by default.
    public var maxResponseBodyBytes: Int
    /// The most response-body bytes kept in an execution's log; 16 KiB by default.
    public var maxLoggedResponseBodyBytes: Int
    /// Whether response details (status line, headers, body, error details) go into execution logs; nil (the
    /// default) shows them only when the host allow-list is not empty, as pact_broker's `show_webhook_response?`.
    public var showResponse: Bool?
    /// The `User-Agent` sent unless the webhook sets one.
    public var userAgent: String
    /// The broker's base URL, named in the "response details are not logged" message.
    public var baseURL: String
    /// The wait before the first webhook of a batch runs, and the extra wait for each following one (pact_broker
    /// schedules the i-th webhook 5 s + 3 s·i after the triggering transaction).
    public var initialDelay: Duration
    /// See `initialDelay`.
    public var staggerDelay: Duration
    /// The most triggered webhooks pending at once (waiting, sending or between retries); more are recorded as
    /// failed without being sent.
    public var maxPendingJobs: Int

    /// pact_broker's defaults unless given.
    public init(
        retrySchedule: [Duration] = [10, 60, 120, 300, 600, 1200].map { .seconds($0) },
        successCodes: Set<Int> = Set(200...206), requestTimeout: Duration = .seconds(15),
        maxResponseBodyBytes: Int = 1024 * 1024, maxLoggedResponseBodyBytes: Int = 16 * 1024,
        showResponse: Bool? = nil, userAgent: String = "PactKit Broker", baseURL: String = "",
        initialDelay: Duration = .seconds(5), staggerDelay: Duration = .seconds(3), maxPendingJobs: Int = 1000
    ) {
        self.retrySchedule = retrySchedule
        self.successCodes = successCodes
        self.requestTimeout = requestTimeout
        self.maxResponseBodyBytes = maxResponseBodyBytes
        self.maxLoggedResponseBodyBytes = maxLoggedResponseBodyBytes
        self.showResponse = showResponse
        self.userAgent = userAgent
        self.baseURL = baseURL
        self.initialDelay = initialDelay
        self.staggerDelay = staggerDelay
        self.maxPendingJobs = maxPendingJobs
    }
}
