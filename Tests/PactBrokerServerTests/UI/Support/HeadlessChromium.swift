import Foundation
import XCTest

/// Debian's `chromium` run headless: a page's DOM after load, its console messages, and screenshots.
///
/// Without a browser the tests say so: under `CI=true` they fail (CI must install the `chromium` package), elsewhere
/// they are skipped with the reason. `PACTKIT_CHROMIUM` names the binary when it is not `chromium` on the PATH.
struct HeadlessChromium {
    let executable: URL

    /// What the browser printed for one page.
    struct Load {
        /// The DOM after load, serialized.
        var dom: String
        /// The page's console messages (`INFO:CONSOLE` lines): any script error, failed resource or warning.
        var consoleMessages: [String]
        /// Everything on standard error, for failure messages.
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The browser, or a failure under CI / a skip elsewhere saying how to get one.
    static func locate() throws -> HeadlessChromium {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["PACTKIT_CHROMIUM"], !named.isEmpty {
            // Named explicitly: use it or fail, never fall back to another browser.
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw Failure(description: "PACTKIT_CHROMIUM=\(named) is not an executable file")
            }
            return HeadlessChromium(executable: URL(fileURLWithPath: named))
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for candidate in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path where FileManager.default.isExecutableFile(atPath: folder + "/" + candidate) {
                return HeadlessChromium(executable: URL(fileURLWithPath: folder + "/" + candidate))
            }
        }
        let message = "no headless browser: the broker page tests need Debian's chromium package "
            + "(apt-get install -y chromium), or PACTKIT_CHROMIUM set to a Chromium binary"
        if environment["CI"] == "true" { throw Failure(description: message + " (CI=true: these tests must run)") }
        throw XCTSkip(message)
    }

    /// Loads `url` and returns its DOM and console messages.
    func load(_ url: URL) throws -> Load {
        let (stdout, stderr) = try run(["--dump-dom", url.absoluteString])
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Load(dom: stdout, consoleMessages: console, stderr: stderr)
    }

    /// Writes a `width`×`height` screenshot of `url` to `file`.
    func screenshot(_ url: URL, to file: URL, width: Int = 1280, height: Int = 900) throws {
        try? FileManager.default.removeItem(at: file)
        let (_, stderr) = try run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)",
                                   "--hide-scrollbars", url.absoluteString])
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure(description: "chromium wrote no screenshot to \(file.path):\n\(stderr)")
        }
    }

    /// Runs the browser with a throwaway profile; fails if it runs longer than `timeout` seconds or exits non-zero.
    private func run(_ arguments: [String], timeout: TimeInterval = 90) throws -> (String, String) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let outFile = profile.appendingPathExtension("out")
        let errFile = profile.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
        ] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        let stdout = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus):\n\(stderr)")
        }
        return (stdout, stderr)
    }
}

/// A PNG's width and height from its IHDR chunk, or nil when `data` is not a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
          bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
    func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (int(16), int(20))
}
