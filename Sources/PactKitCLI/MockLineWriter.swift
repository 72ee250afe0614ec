import Foundation
import PactModel

/// Writes whole lines to a file descriptor from any thread without making the caller wait: lines are queued and a
/// background queue writes everything queued so far in one `write`. Under load that batches hundreds of lines per
/// system call; when idle each line goes out at once. Nothing is written before `open(firstLine:)`, so the
/// `listening on` line is always first even if a request arrives in between.
final class MockLineWriter: Sendable {
    private struct State {
        var pending: [UInt8] = []
        var isOpen = false
        var flushScheduled = false
        var droppedLines = 0
    }

    /// Past this much unwritten output (a reader that stopped reading), lines are counted and dropped rather than
    /// letting memory grow.
    private static let maxPendingBytes = 8 * 1024 * 1024

    private let descriptor: Int32
    private let state = Locked(State())
    private let queue = DispatchQueue(label: "pactkit.mock.output")

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Writes `firstLine`, then everything queued before, and from now on writes as lines arrive.
    func open(firstLine: String) {
        state.withLock { state in
            state.pending = Array((firstLine + "\n").utf8) + state.pending
            state.isOpen = true
        }
        scheduleFlush()
    }

    func write(_ line: String) {
        let shouldSchedule = state.withLock { state -> Bool in
            guard state.pending.count < Self.maxPendingBytes else {
                state.droppedLines += 1
                return false
            }
            state.pending.append(contentsOf: line.utf8)
            state.pending.append(UInt8(ascii: "\n"))
            guard state.isOpen, !state.flushScheduled else { return false }
            state.flushScheduled = true
            return true
        }
        if shouldSchedule { queue.async { self.flushNow() } }
    }

    /// Writes everything queued and returns once it is written.
    func flush() {
        queue.sync { self.flushNow() }
    }

    private func scheduleFlush() {
        let shouldSchedule = state.withLock { state -> Bool in
            guard !state.flushScheduled else { return false }
            state.flushScheduled = true
            return true
        }
        if shouldSchedule { queue.async { self.flushNow() } }
    }

    private func flushNow() {
        var (bytes, dropped) = state.withLock { state -> ([UInt8], Int) in
            state.flushScheduled = false
            guard state.isOpen else { return ([], 0) }
            defer {
                state.pending = []
                state.droppedLines = 0
            }
            return (state.pending, state.droppedLines)
        }
        if dropped > 0 { bytes += Array("(\(dropped) log lines dropped: output was not being read)\n".utf8) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return  // a closed pipe: nothing useful left to do with the output
                }
            }
        }
    }
}
