import Foundation
import XCTest

/// What `/proc` tells about a process's threads and signals (Linux).
enum ProcessSignals {
    /// For each thread of `pid` but the main one: its name and whether it blocks both SIGINT and SIGTERM. The main
    /// thread is left out: the kernel hands it process signals first and dispatch's handler catches them there.
    static func threadsBlockingTermination(_ pid: Int32) -> [(name: String, blocks: Bool)] {
        let tasks = "/proc/\(pid)/task"
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return ids.filter { $0 != String(pid) }.compactMap { id in
            guard let status = try? String(contentsOfFile: "\(tasks)/\(id)/status", encoding: .utf8) else { return nil }
            var name = id
            var mask: UInt64 = 0
            for line in status.split(separator: "\n") {
                if line.hasPrefix("Name:") { name = line.dropFirst(5).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("SigBlk:") { mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0 }
                // A thread that has exited (the main thread after dispatch_main) takes no signals.
                if line.hasPrefix("State:"), line.contains("Z") { return nil }
            }
            let bits: UInt64 = (1 << (UInt64(SIGINT) - 1)) | (1 << (UInt64(SIGTERM) - 1))
            return ("\(name) (\(id))", mask & bits == bits)
        }
    }

    /// Fails the test when a worker thread of `pid` (an event loop, say) leaves SIGINT or SIGTERM unblocked:
    /// dispatch's signal sources would not see a signal the kernel hands to that thread.
    static func expectEveryThreadBlocksTermination(_ pid: Int32, file: StaticString = #filePath, line: UInt = #line) {
        let threads = threadsBlockingTermination(pid)
        XCTAssertFalse(threads.isEmpty, "no threads read from /proc/\(pid)/task", file: file, line: line)
        let open = threads.filter { !$0.blocks }.map(\.name)
        XCTAssertEqual(open, [], "threads that take SIGINT/SIGTERM themselves", file: file, line: line)
    }
}
