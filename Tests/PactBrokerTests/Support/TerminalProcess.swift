import Foundation
import PactModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `pactkit` with its standard output on a pseudo-terminal, as in a developer's shell, so that colour decisions
/// that depend on a terminal can be seen.
enum TerminalProcess {
    struct Result {
        var status: Int32
        /// What the command wrote to the terminal (line ends as the terminal gives them: `\r\n`).
        var output: String
    }

    static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        let pty = try PseudoTerminalCalls()
        let master = pty.open(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.name(master) else {
            throw PipelineFailure("no pseudo-terminal: errno \(errno)")
        }
        defer { close(master) }
        let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw PipelineFailure("cannot open the pseudo-terminal: errno \(errno)") }

        let process = Process()
        process.executableURL = try Pactkit.binary()
        process.arguments = arguments
        process.environment = Pactkit.environment(extra)
        process.currentDirectoryURL = BrokerContract.packageRoot
        process.standardOutput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice

        // Read on a thread of its own while the command runs (a full terminal buffer would block it); the reading
        // ends when the last writer closes the terminal.
        let output = Locked<Data>(Data())
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                output.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
            done.signal()
        }
        do {
            try process.run()
        } catch {
            close(terminal)
            done.wait()
            throw error
        }
        close(terminal)
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        while done.wait(timeout: .now()) == .timedOut { try await Task.sleep(for: .milliseconds(10)) }
        return Result(status: process.terminationStatus, output: String(decoding: output.withLock { $0 }, as: UTF8.self))
    }
}

/// posix_openpt, grantpt, unlockpt and ptsname: Glibc's module map leaves them out (they need _XOPEN_SOURCE), so they
/// are looked up in the C library at run time.
private struct PseudoTerminalCalls {
    let open: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init() throws {
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(library, name) else { throw PipelineFailure("\(name) is not in the C library") }
            return unsafeBitCast(address, to: type)
        }
        open = try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        grant = try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        unlock = try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        name = try symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    }
}
