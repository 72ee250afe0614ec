import Foundation

/// Whole lines to standard output (what scripts read, such as `listening on …`), each in one unbuffered write.
enum StandardStreams {
    static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
