import Foundation

/// Diagnostics go to standard error, one whole line per write.
enum DiagnosticOutput {
    static func line(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
