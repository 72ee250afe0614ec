import Dispatch
import Foundation
import PactModel

/// Diagnostics go to standard error, one whole line per write.
enum MockDiagnostics {
    static func line(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// Reading pacts parses whole documents whose memory is freed afterwards but stays held by malloc; glibc's
/// `malloc_trim` gives it back to the OS. It is looked up at run time because Swift's Glibc module does not
/// export `malloc.h`; elsewhere this does nothing.
enum MockMemory {
    static func releaseFreePages() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
