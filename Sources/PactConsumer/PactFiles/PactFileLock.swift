import Foundation
import PactModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive access to one pact file: a lock per file inside this process (concurrent tests) and `flock` on a lock
/// file across processes (parallel test runs). The lock file also stores the run that last wrote the pact.
///
/// The lock file lives in the temporary directory (`pactkit-locks-<uid>/`), named after a hash of the pact's
/// resolved path, not beside the pact: other Pact tools read every file in the pact folder (the reference verifier's
/// `-d pacts` fails on a `.lock` file, publishing tools would upload it). Every process writing the same pact file
/// resolves it to the same path, hence the same lock.
final class PactFileLock {
    /// One lock per pact path. Plain `NSLock`s, not `Locked` values: each is held from `init` to `unlock()`, across
    /// calls, as the `flock` it pairs with is.
    private static let inProcess = Locked<[String: NSLock]>([:])

    private let lock: NSLock
    private let descriptor: Int32
    let lockPath: String

    /// Blocks until both locks are held.
    init(for file: URL) throws(PactFileError) {
        let path = file.path
        let lockFile = Self.lockURL(for: file)
        lockPath = lockFile.path
        do {
            try FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw PactFileError(file: path, reason: "cannot create the lock folder \(lockFile.deletingLastPathComponent().path): "
                                + error.localizedDescription)
        }
        lock = Self.inProcess.withLock { locks in
            if let existing = locks[path] { return existing }
            let created = NSLock()
            locks[path] = created
            return created
        }
        lock.lock()
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            lock.unlock()
            throw PactFileError(file: path, reason: "cannot open the lock file \(lockPath): \(reason)")
        }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            lock.unlock()
            throw PactFileError(file: path, reason: "cannot lock \(lockPath): \(reason)")
        }
        descriptor = fd
    }

    /// The lock file of the pact at `file`: `<tmp>/pactkit-locks-<uid>/<name>-<hash of the resolved path>.lock`.
    static func lockURL(for file: URL) -> URL {
        let folder = file.deletingLastPathComponent().resolvingSymlinksInPath()
        let resolved = folder.appendingPathComponent(file.lastPathComponent).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across processes, unlike Hasher.
        for byte in resolved.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let name = "\(file.lastPathComponent)-\(String(hash, radix: 16)).lock"
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("pactkit-locks-\(getuid())", isDirectory: true)
            .appendingPathComponent(name)
    }

    /// The run identity stored by the last writer ("" when none): the record's first line.
    func lastRun() -> String {
        runRecord().run
    }

    /// The last writer's run and the interactions (`InteractionIdentity.recordLine`) that run declared for this
    /// pact, in any of its processes: line 1 is the run, each further line one interaction.
    func runRecord() -> (run: String, declared: Set<String>) {
        let lines = storedText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (lines.first ?? "", Set(lines.dropFirst().filter { !$0.isEmpty }))
    }

    /// Stores `run` as the last writer's run, with the interactions it declared for this pact.
    func record(run: String, declared: Set<String>) {
        let oneLine = run.replacingOccurrences(of: "\n", with: " ")
        recordRun(([oneLine] + declared.sorted()).joined(separator: "\n"))
    }

    /// The record of the pact at `file` read without taking the lock (an empty record when there is none or it is
    /// being rewritten): for the check at the end of the process, which must never wait on another one.
    static func peekRecord(for file: URL) -> (run: String, declared: Set<String>) {
        let text = (try? String(contentsOfFile: lockURL(for: file).path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (lines.first ?? "", Set(lines.dropFirst().filter { !$0.isEmpty }))
    }

    private func storedText() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 256, offset) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stores `run` as the last writer's run.
    func recordRun(_ run: String) {
        let bytes = Array(run.utf8)
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes.count, 0) }
    }

    /// Releases both locks; call exactly once.
    func unlock() {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        lock.unlock()
    }
}

/// A pact file that could not be read, merged or written.
public struct PactFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pact file's path.
    public var file: String
    /// What went wrong, as a sentence.
    public var reason: String

    /// Builds an error saying why `file` could not be used.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `file: reason`, as shown in test failures.
    public var description: String { "\(file): \(reason)" }
}
