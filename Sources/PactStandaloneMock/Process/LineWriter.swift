import Foundation

/// Writes whole lines to a file descriptor from any thread without making the caller wait: lines are queued and
/// one writer thread writes everything queued so far in one `write`, then pauses briefly so that under load each
/// system call carries hundreds of lines and the request threads are rarely asked to wake it. When idle a line goes
/// out at once. Nothing is written before `open(firstLine:)`, so the `listening on` line is always first even if a
/// request arrives in between.
final class LineWriter: @unchecked Sendable {
    // Unchecked: every mutable field is only touched with `condition` locked.
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var isOpen = false
    private var writerIsWaiting = false
    private var writing = false
    private var droppedLines = 0

    /// Past this much unwritten output (a reader that stopped reading), lines are counted and dropped rather than
    /// letting memory grow or stalling requests.
    private static let maxPendingBytes = 8 * 1024 * 1024
    /// How long the writer lets lines gather after a write.
    private static let batchPause: useconds_t = 2_000

    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
        let thread = Thread { self.run() }
        thread.name = "pactkit-mock-output"
        thread.start()
    }

    /// Writes `firstLine`, then everything queued before, and from now on writes as lines arrive.
    func open(firstLine: String) {
        condition.lock()
        pending = Array((firstLine + "\n").utf8) + pending
        isOpen = true
        condition.signal()
        condition.unlock()
    }

    func write(_ line: String) {
        condition.lock()
        defer { condition.unlock() }
        guard pending.count < Self.maxPendingBytes else {
            droppedLines += 1
            return
        }
        pending.append(contentsOf: line.utf8)
        pending.append(UInt8(ascii: "\n"))
        if writerIsWaiting, isOpen { condition.signal() }
    }

    /// Returns once everything queued so far is written.
    func flush() {
        condition.lock()
        while isOpen, !pending.isEmpty || writing {
            condition.signal()
            condition.unlock()
            usleep(1_000)
            condition.lock()
        }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while !isOpen || pending.isEmpty {
                writerIsWaiting = true
                condition.wait()
                writerIsWaiting = false
            }
            var bytes = pending
            pending = []
            pending.reserveCapacity(bytes.count)
            let dropped = droppedLines
            droppedLines = 0
            writing = true
            condition.unlock()
            if dropped > 0 { bytes += Array("(\(dropped) log lines dropped: output was not being read)\n".utf8) }
            writeAll(bytes)
            condition.lock()
            writing = false
            condition.unlock()
            usleep(Self.batchPause)
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
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
