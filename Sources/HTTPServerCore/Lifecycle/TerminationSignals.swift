import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM as awaitable events, for server executables that stop cleanly on either.
///
/// A plain signal handler writes the signal number into a pipe, and a thread reads the pipe into an async stream.
/// Dispatch signal sources were used before, but on Linux they see only signals that every thread blocks: a signal
/// the kernel handed to an event-loop thread was then ignored and lost, and the process never stopped. A handler
/// runs on whichever thread receives the signal, so nothing is lost. Create it before the server starts, so that an
/// early signal is kept.
public final class TerminationSignals: Sendable {
    private let stream: AsyncStream<Int32>

    /// Starts catching `signals` (SIGINT and SIGTERM by default) in place of their default action.
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        let readFD = SignalPipe.shared.readFD
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readFD, &byte, 1)
                if count == 1 {
                    continuation.yield(Int32(byte))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    continuation.finish()
                    return
                }
            }
        }
        thread.name = "pactkit-signals"
        thread.start()
        for number in signals {
            _ = signal(number, signalPipeHandler)
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

/// The process-wide pipe the signal handler writes to; made once, before any handler is installed.
private struct SignalPipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    static let shared: SignalPipe = {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        signalPipeWriteFD = fds[1]
        return SignalPipe(readFD: fds[0], writeFD: fds[1])
    }()
}

// Read by the signal handler, which may touch only async-signal-safe state: written once, before any handler exists.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1

private let signalPipeHandler: @convention(c) (Int32) -> Void = { number in
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteFD, &byte, 1)
}
