import Dispatch
import Foundation

/// Whole lines to the standard streams, each in one write so concurrent lines never interleave.
enum StandardStreams {
    static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
