import Foundation
import PactBroker

/// Printing for the broker commands: notices colourised by type on a terminal, errors on stderr.
enum BrokerOutput {
    enum Stream { case standardOutput, standardError }

    /// Standard output goes through `print`, so that it stays in order with the reports printed the same way.
    static func line(_ text: String, stream: Stream = .standardOutput) {
        switch stream {
        case .standardOutput: print(text)
        case .standardError: FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    static func error(_ text: String) { line(text, stream: .standardError) }

    static func notice(_ notice: BrokerNotice, prefix: String = "", stream: Stream = .standardOutput) {
        let colour: String? = switch notice.type {
        case "error", "danger": "31"
        case "warning", "prompt": "33"
        case "success": "32"
        default: nil
        }
        let useColour = colour != nil && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && isatty(stream == .standardOutput ? 1 : 2) == 1
        let text = notice.text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        line(useColour ? "\u{1B}[\(colour!)m\(text)\u{1B}[0m" : text, stream: stream)
    }
}
