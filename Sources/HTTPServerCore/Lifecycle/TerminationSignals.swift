import Dispatch
import Foundation

/// SIGINT and SIGTERM as awaitable events, for server executables that stop cleanly on either.
///
/// The signals' default action (killing the process without a clean shutdown) is disabled and dispatch signal sources
/// deliver them instead. Create it before the server starts, so that an early signal is kept.
public final class TerminationSignals: @unchecked Sendable {
    // Unchecked: `sources` is written only in `init` and kept to hold the sources alive; dispatch sources are
    // thread-safe.
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    /// Starts catching `signals` (SIGINT and SIGTERM by default) in place of their default action.
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// The next signal received (nil only if the stream ends, which it does not).
    public func next() async -> Int32? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    /// `SIGINT`, `SIGTERM` or `signal N`, for log lines.
    public static func name(_ number: Int32?) -> String {
        switch number {
        case SIGINT?: "SIGINT"
        case SIGTERM?: "SIGTERM"
        case let other?: "signal \(other)"
        case nil: "end of signals"
        }
    }
}
