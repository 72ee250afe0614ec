import Foundation

/// Whole lines to standard error, each in one write so that concurrent lines never interleave.
enum StandardError {
    static func write(line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
