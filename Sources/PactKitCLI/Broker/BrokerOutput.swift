import Foundation
import PactBroker
import PactVerifier

/// Printing for the broker commands: notices colourised by type on a terminal, errors on stderr.
enum BrokerOutput {
    enum Stream { case standardOutput, standardError }

    /// False while a command runs with `--no-colour`: `PactKitCommand.main` sets it for the whole command, so that
    /// every notice printed on its behalf is plain.
    @TaskLocal static var colourAllowed = true

    /// Standard output goes through `print`, so that it stays in order with the reports printed the same way.
    static func line(_ text: String, stream: Stream = .standardOutput) {
        switch stream {
        case .standardOutput: print(text)
        case .standardError: FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    static func error(_ text: String) { line(text, stream: .standardError) }

    /// Prints the notice, coloured by the one rule (`TerminalColour.shouldColour`) for the stream it goes to.
    static func notice(_ notice: BrokerNotice, prefix: String = "", stream: Stream = .standardOutput) {
        let colour = TerminalColour.shouldColour(
            disabled: !colourAllowed, environment: ProcessInfo.processInfo.environment,
            fileDescriptor: stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO)
        line(notice.consoleText(prefix: prefix, colour: colour), stream: stream)
    }
}
