import Dispatch
import Foundation

/// Turns SIGINT/SIGTERM into awaitable events through dispatch signal sources (the default action, which kills
/// the process, is disabled for them). Unchecked Sendable: `sources` is only written in `init` and kept to hold the
/// sources alive; dispatch sources are thread-safe.
final class SignalWaiter: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    init(signals: [Int32]) {
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
    func next() async -> Int32? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    static func name(_ number: Int32?) -> String {
        switch number {
        case SIGINT?: "SIGINT"
        case SIGTERM?: "SIGTERM"
        case let other?: "signal \(other)"
        case nil: "end of signals"
        }
    }
}

/// Whole lines to the standard streams, each in one write so concurrent lines never interleave.
enum StandardStreams {
    static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
