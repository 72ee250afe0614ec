import Foundation

/// Reading pacts parses whole documents whose memory is freed afterwards but stays held by malloc; glibc's
/// `malloc_trim` gives it back to the OS. It is looked up at run time because Swift's Glibc module does not
/// export `malloc.h`; elsewhere this does nothing.
enum MemoryTrimming {
    static func releaseFreePages() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
