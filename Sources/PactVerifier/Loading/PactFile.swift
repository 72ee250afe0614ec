import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a pact file, saying in words why it cannot be read: the operating system's reason (no such file, a symbolic
/// link loop, permission denied, a directory), never Foundation's "NSCocoaErrorDomain error 256".
enum PactFile {
    static func read(_ url: URL) throws(SourceError) -> Data {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SourceError(source: path, message: problem(errno))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw SourceError(source: path, message: "is a directory, not a pact file (give a directory of pacts with --dir)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            // Foundation's error hides the cause; opening the file again recovers it.
            let descriptor = open(path, O_RDONLY)
            let code = descriptor < 0 ? errno : EIO
            if descriptor >= 0 { _ = close(descriptor) }
            throw SourceError(source: path, message: problem(code))
        }
    }

    private static func problem(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ENOTDIR: "no such file (a part of the path is not a directory)"
        case ELOOP: "is a symbolic link loop (following its links leads back to where they started), not a pact file"
        case EACCES, EPERM: "cannot be read: permission denied"
        default: "cannot be read: \(String(cString: strerror(code)).lowercased())"
        }
    }
}
