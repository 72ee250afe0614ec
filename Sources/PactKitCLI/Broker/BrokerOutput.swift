import Foundation
import Logging
import PactBroker
import PactVerifier

/// Printing for the broker commands: reports and notices on stdout (colourised by type on a terminal); errors, and
/// notices about them, through the `pactkit.broker` logger (standard error).
enum BrokerOutput {
    enum Stream { case standardOutput, standardError }

    static let logger = Logger(label: "pactkit.broker")

    /// Standard output goes through `print`, so that it stays in order with the reports printed the same way.
    static func line(_ text: String, stream: Stream = .standardOutput) {
        switch stream {
        case .standardOutput: print(text)
        case .standardError: logger.notice("\(text)")
        }
    }

    static func error(_ text: String) { logger.error("\(text)") }

    /// Prints the notice, coloured by the one rule (`TerminalColour.shouldColour`) for the stream it goes to; `plain`
    /// is the command's `--no-colour`.
    static func notice(_ notice: BrokerNotice, plain: Bool, prefix: String = "", stream: Stream = .standardOutput) {
        let colour = TerminalColour.shouldColour(
            disabled: plain, environment: ProcessInfo.processInfo.environment,
            fileDescriptor: stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO)
        line(notice.consoleText(prefix: prefix, colour: colour), stream: stream)
    }
}
