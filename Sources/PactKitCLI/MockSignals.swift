import Dispatch
import Foundation
import PactModel

/// SIGINT and SIGTERM as awaitable events, through dispatch signal sources (their default action, which kills the
/// process without a clean shutdown, is disabled). Installed before the server starts so an early signal is kept.
final class MockSignalWaiter: Sendable {
    private let sources: Locked<[any DispatchSourceSignal]>
    private let stream: AsyncStream<Int32>

    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        sources = Locked(signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        })
    }

    /// The next signal received.
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

/// Diagnostics go to standard error, one whole line per write.
enum MockDiagnostics {
    static func line(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// Reading pacts parses whole documents whose memory is freed afterwards but stays held by malloc; glibc's
/// `malloc_trim` gives it back to the OS. It is looked up at run time because Swift's Glibc module does not
/// export `malloc.h`; elsewhere this does nothing.
enum MockMemory {
    static func releaseFreePages() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
