import Foundation

/// How long `PactBuilder.run` lets the test closure take, and the race between the closure and that time.
enum RunTimeout {
    /// The default when neither `run(timeout:)` nor `PACT_RUN_TIMEOUT` says otherwise.
    static let standard: Duration = .seconds(30)

    /// The environment variable that sets the default, in seconds (`45`, `2.5`).
    static let variable = "PACT_RUN_TIMEOUT"

    /// The timeout `run` uses: the one given, else `PACT_RUN_TIMEOUT`, else 30 s; or why the value given is unusable.
    static func resolve(_ given: Duration?, environment: [String: String]) -> Result<Duration, RunTimeoutError> {
        if let given {
            return given > .zero ? .success(given)
                : .failure(RunTimeoutError(reason: "run(timeout:) is \(text(given)); give a timeout longer than zero"))
        }
        guard let raw = environment[variable] else { return .success(standard) }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let seconds = Double(trimmed), seconds.isFinite, seconds > 0 else {
            return .failure(RunTimeoutError(
                reason: "\(variable) is '\(raw)', not a number of seconds greater than zero (e.g. \(variable)=60)"))
        }
        return .success(.milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// `30 s`, `0.25 s`: a duration as seconds, for messages.
    static func text(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? "\(Int64(rounded)) s" : "\(rounded) s"
    }

    /// What ended the race.
    enum Outcome<Value> {
        /// The closure returned or threw before the time was up.
        case finished(Result<Value, any Error>)
        /// The time ran out first, with the error `onTimeout` gave; the closure was then cancelled and awaited.
        case timedOut(any Error)
    }

    /// Runs `body` in a child task (on the caller's actor, as if it ran inline) against a timer of `timeout`. If the
    /// timer wins, `onTimeout` runs first (reporting, and closing the mock's connections so a client blocked on
    /// them returns) and gives the error that ends the test; then `body`'s task is cancelled and awaited: a closure
    /// that ignores cancellation is waited for, but what `onTimeout` reported has been seen by then.
    static func race<Value>(
        isolation: isolated (any Actor)? = #isolation,
        timeout: Duration,
        _ body: () async throws -> Value,
        onTimeout: () async -> any Error
    ) async -> Outcome<Value> {
        await withoutActuallyEscaping(body) { body in
            // `body` is not Sendable: it belongs to the caller's isolation. The child below runs on that same actor
            // (it captures `isolation`) while this task only waits, and the group ends before `body` may escape, so
            // handing it over is safe, which the compiler cannot see.
            let caller = CallerClosure(body)
            let finished = OutcomeBox<Value>()
            let timedOut = await withTaskGroup(of: Bool.self, returning: (any Error)?.self) { group in
                group.addTask { [isolation] in
                    // Capturing `isolation` runs the child on the caller's actor, where `run`'s closure always ran.
                    _ = isolation
                    let result: Result<Value, any Error>
                    do { result = .success(try await caller.body()) } catch { result = .failure(error) }
                    finished.set(result)
                    return false
                }
                group.addTask {
                    // true only when the time ran out: cancelled (the run's own task was), it lets the closure finish.
                    do { try await Task.sleep(for: timeout) } catch { return false }
                    return true
                }
                let timerWon = await group.next() ?? false
                let error = timerWon ? await onTimeout() : nil
                group.cancelAll()
                await group.waitForAll()
                return error
            }
            if let timedOut { return .timedOut(timedOut) }
            return .finished(finished.take() ?? .failure(CancellationError()))
        }
    }
}

/// The bad timeout given to `run`, or in `PACT_RUN_TIMEOUT`.
struct RunTimeoutError: Error {
    var reason: String
}

/// `run`'s closure, handed to the child task that runs it on the caller's actor (see `RunTimeout.race`).
private struct CallerClosure<Value>: @unchecked Sendable {
    let body: () async throws -> Value
    init(_ body: @escaping () async throws -> Value) { self.body = body }
}

/// The closure's result, handed from its child task to `run`. `Value` need not be Sendable: the child writes it once
/// and `race` reads it only after `waitForAll`, when the child has ended, so the two never touch it at once.
private final class OutcomeBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) { lock.withLock { self.result = result } }

    func take() -> Result<Value, any Error>? { lock.withLock { result } }
}
