import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in words: the operating system's reason (no such file, a symbolic link loop,
/// permission denied, a directory), never Foundation's "NSCocoaErrorDomain error 256".
package struct FileReadError: Error, Sendable {
    /// The kind of problem, for callers that word one of them their own way.
    package enum Kind: Sendable { case missing, directory, other }

    package var kind: Kind
    /// What is wrong, without the path: "no such file", "is a directory, not a pact file", ….
    package var reason: String
}

/// Reads whole files for the pact readers of the verifier, the mock and the broker client.
package enum FileBytes {
    package static func read(atPath path: String) throws(FileReadError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw problem(errno) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw FileReadError(kind: .directory, reason: "is a directory, not a pact file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // Foundation's error hides the cause; opening the file again recovers it.
            let descriptor = open(path, O_RDONLY)
            let code = descriptor < 0 ? errno : EIO
            if descriptor >= 0 { _ = close(descriptor) }
            throw problem(code)
        }
    }

    private static func problem(_ code: Int32) -> FileReadError {
        switch code {
        case ENOENT: FileReadError(kind: .missing, reason: "no such file")
        case ENOTDIR: FileReadError(kind: .missing, reason: "no such file (a part of the path is not a directory)")
        case ELOOP:
            FileReadError(kind: .other, reason: "is a symbolic link loop (following its links leads back to where they started), not a pact file")
        case EACCES, EPERM: FileReadError(kind: .other, reason: "cannot be read: permission denied")
        default: FileReadError(kind: .other, reason: "cannot be read: \(String(cString: strerror(code)).lowercased())")
        }
    }
}
