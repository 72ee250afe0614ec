import Foundation
import NIOConcurrencyHelpers
import OutboundHTTP
import ServiceLifecycle

/// A provider version that has to verify a newly published pact (the main branch head, a deployed or a released
/// version), for `contract_requiring_verification_published`; the caller computes them.
public struct RequiredProviderVersion: Sendable, Hashable {
    /// `${pactbroker.providerVersionNumber}`.
    public var number: String
    /// `${pactbroker.providerVersionBranch}`.
    public var branch: String?
    /// Why it needs verifying, e.g. `latest from main branch`, `deployed in production`
    /// (`${pactbroker.providerVersionDescriptions}`).
    public var descriptions: [String]

    /// A provider version to verify.
    public init(number: String, branch: String? = nil, descriptions: [String] = []) {
        self.number = number
        self.branch = branch
        self.descriptions = descriptions
    }
}

/// Runs triggered webhooks: each after pact_broker's scheduling delay, again on the retry schedule until a success
/// status or the last attempt, recording every attempt in the store.
///
/// A swift-service-lifecycle `Service`: the server runs `run()` in its service group, and every job is a child task
/// of it. Call the `trigger` methods after the triggering transaction commits. On graceful shutdown (or `shutdown()`)
/// no new jobs are taken (they are recorded as failed), attempts in flight finish within their timeout, and jobs
/// waiting for their next attempt are abandoned, keeping their `not_run` or `retrying` status.
public final class WebhookDispatcher: Service, Sendable {
    private struct Job: Sendable {
        var triggered: TriggeredWebhook
        var delay: Duration
    }

    private struct State {
        var pending = 0
        var closed = false
    }

    /// Where webhooks, triggered webhooks and executions are kept.
    public let store: any WebhookStore
    /// The sender of single attempts (also used for test executions).
    public let executor: WebhookExecutor
    private let clock: any WebhookClock
    private let state = NIOLockedValueBox(State())
    private let jobs: AsyncStream<Job>
    private let queue: AsyncStream<Job>.Continuation
    private let stopping = ShutdownSignal()

    /// A dispatcher sending through `client` (its owner shuts it down after `run()` returns).
    public init(
        store: any WebhookStore, client: OutboundHTTPClient, policy: WebhookSecurityPolicy = WebhookSecurityPolicy(),
        settings: WebhookExecutionSettings = WebhookExecutionSettings(), clock: any WebhookClock = SystemWebhookClock()
    ) {
        self.store = store
        self.clock = clock
        executor = WebhookExecutor(client: client, policy: policy, settings: settings, clock: clock)
        (jobs, queue) = AsyncStream.makeStream(of: Job.self)
    }

    /// The settings in use.
    public var settings: WebhookExecutionSettings { executor.settings }

    /// Triggered webhooks taken and not finished (waiting, sending or between retries).
    public var pendingCount: Int { state.withLockedValue { $0.pending } }

    /// Runs the jobs until graceful shutdown, `shutdown()` or cancellation; returns when every job has ended. Call
    /// once.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await job in jobs {
                    group.addTask { await self.perform(job) }
                }
            }
        } onGracefulShutdown: {
            self.shutdown()
        }
    }

    /// Stops taking jobs and abandons those waiting for an attempt; `run()` returns once attempts in flight end.
    public func shutdown() {
        state.withLockedValue { $0.closed = true }
        queue.finish()
        stopping.fire()
    }

    /// Triggers every webhook of the store that fires for `event` on the integration of `consumer` and `provider`
    /// (enabled, subscribed, and selecting both by name, label or neither). Returns the triggered webhooks.
    @discardableResult
    public func trigger(
        event: WebhookEventName, consumer: WebhookPacticipant, provider: WebhookPacticipant,
        context: WebhookTemplateContext, triggerType: TriggeredWebhook.TriggerType = .resourceCreation
    ) async throws -> [TriggeredWebhook] {
        let candidates = try await store.allWebhooks().filter { $0.fires(for: event, consumer: consumer, provider: provider) }
        return try await trigger(candidates, event: event, context: context, triggerType: triggerType)
    }

    /// Triggers those of `webhooks` that are enabled and subscribed to `event`, rendering them with `context` (its
    /// `eventName` set to `event`): each is recorded as `not_run` and queued, the i-th to start after
    /// `initialDelay + i·staggerDelay`. When the dispatcher is shut down or `maxPendingJobs` are pending, the
    /// triggered webhook is recorded as failed with a log saying why.
    @discardableResult
    public func trigger(
        _ webhooks: [WebhookDefinition], event: WebhookEventName, context: WebhookTemplateContext,
        triggerType: TriggeredWebhook.TriggerType = .resourceCreation
    ) async throws -> [TriggeredWebhook] {
        var context = context
        context.eventName = event.rawValue
        var triggered: [TriggeredWebhook] = []
        for webhook in webhooks where webhook.enabled && webhook.events.contains(event) {
            let record = TriggeredWebhook(
                uuid: WebhookDefinitionParser.newUUID(), webhookUUID: webhook.uuid, eventName: event,
                triggerType: triggerType, context: context, createdAt: clock.now())
            try await store.insertTriggeredWebhook(record)
            let delay = settings.initialDelay + settings.staggerDelay * triggered.count
            if let refusal = admit(Job(triggered: record, delay: delay)) {
                try await store.appendExecution(WebhookExecution(
                    triggeredWebhookUUID: record.uuid, attempt: 0, startedAt: clock.now(), success: false,
                    requestMethod: webhook.request.method.uppercased(), requestURL: webhook.request.url,
                    error: refusal, logs: "[\(clock.now().formatted(.iso8601))] ERROR: \(refusal)\n"))
                try await store.updateTriggeredWebhook(uuid: record.uuid, status: .failure)
                triggered.append(record.with(status: .failure))
            } else {
                triggered.append(record)
            }
        }
        return triggered
    }

    /// `contract_requiring_verification_published`: one execution of each webhook per provider version that must
    /// verify the pact, with `providerVersionNumber`, `providerVersionBranch` and `providerVersionDescriptions` set
    /// from it (pact_broker's `expand_events_for_required_verifications`). Nothing fires when `providerVersions` is
    /// empty.
    @discardableResult
    public func triggerForRequiredVerifications(
        _ webhooks: [WebhookDefinition], context: WebhookTemplateContext, providerVersions: [RequiredProviderVersion]
    ) async throws -> [TriggeredWebhook] {
        var all: [TriggeredWebhook] = []
        for version in providerVersions {
            var versionContext = context
            versionContext.providerVersionNumber = version.number
            versionContext.providerVersionBranch = version.branch
            var seen = Set<String>()
            versionContext.providerVersionDescriptions = version.descriptions.filter { seen.insert($0).inserted }
            all += try await trigger(webhooks, event: .contractRequiringVerificationPublished, context: versionContext)
        }
        return all
    }

    /// A test execution (`POST /webhooks/:uuid/execute`): one attempt now, not queued, retried nor stored.
    public func executeNow(_ webhook: WebhookDefinition, context: WebhookTemplateContext) async -> WebhookExecution {
        await executor.execute(webhook, context: context, triggeredWebhookUUID: nil, attempt: 1)
    }

    private func admit(_ job: Job) -> String? {
        let limit = settings.maxPendingJobs
        let refusal: String? = state.withLockedValue { state in
            if state.closed { return "Webhook not run: the broker is shutting down" }
            if state.pending >= limit { return "Webhook not run: \(limit) webhooks are already pending" }
            state.pending += 1
            return nil
        }
        if refusal == nil {
            if case .terminated = queue.yield(job) {
                state.withLockedValue { $0.pending -= 1 }
                return "Webhook not run: the broker is shutting down"
            }
        }
        return refusal
    }

    private func perform(_ job: Job) async {
        defer { state.withLockedValue { $0.pending -= 1 } }
        let triggered = job.triggered
        let schedule = settings.retrySchedule
        guard await wait(job.delay) else { return }
        var failures = 0
        while true {
            let webhook: WebhookDefinition?
            do {
                webhook = try await store.webhook(uuid: triggered.webhookUUID)
            } catch {
                webhook = nil
            }
            guard let webhook else {
                let message = "Webhook with uuid \(triggered.webhookUUID) cannot be executed it has been deleted. "
                    + "Marking triggered webhook as failed."
                try? await store.appendExecution(WebhookExecution(
                    triggeredWebhookUUID: triggered.uuid, attempt: failures + 1, startedAt: clock.now(), success: false,
                    requestMethod: "", requestURL: "", error: message,
                    logs: "[\(clock.now().formatted(.iso8601))] INFO: \(message)\n"))
                try? await store.updateTriggeredWebhook(uuid: triggered.uuid, status: .failure)
                return
            }
            let retryIn: Duration? = failures < schedule.count ? schedule[failures] : nil
            let attempts = schedule.count + 1
            let execution = await executor.execute(
                webhook, context: triggered.context, triggeredWebhookUUID: triggered.uuid, attempt: failures + 1
            ) { success in
                if success { return "Successfully executed webhook" }
                if let retryIn { return "Retrying webhook in \(Self.seconds(retryIn)) seconds" }
                return "Webhook execution failed after \(attempts) attempts"
            }
            try? await store.appendExecution(execution)
            if execution.success {
                try? await store.updateTriggeredWebhook(uuid: triggered.uuid, status: .success)
                return
            }
            guard let retryIn else {
                try? await store.updateTriggeredWebhook(uuid: triggered.uuid, status: .failure)
                return
            }
            try? await store.updateTriggeredWebhook(uuid: triggered.uuid, status: .retrying)
            guard await wait(retryIn) else { return }
            failures += 1
        }
    }

    /// Waits `duration` on the clock; false when shutdown or cancellation came first.
    private func wait(_ duration: Duration) async -> Bool {
        if stopping.isFired || Task.isCancelled { return false }
        if duration <= .zero { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { [clock] in
                do {
                    try await clock.sleep(for: duration)
                    return true
                } catch {
                    return false
                }
            }
            group.addTask { [stopping] in
                await stopping.wait()
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first && !stopping.isFired
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds)" : String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}

extension TriggeredWebhook {
    func with(status: Status) -> TriggeredWebhook {
        var copy = self
        copy.status = status
        return copy
    }
}
