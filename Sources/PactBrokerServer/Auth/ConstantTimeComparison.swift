import Crypto

/// Compares secrets in time that does not depend on where they differ: both sides are hashed with SHA-256 and the
/// digests compared byte by byte without an early exit, so neither the length nor a matching prefix of the
/// expected secret shows in the response time.
enum ConstantTimeComparison {
    static func equal(_ given: String, _ expected: String) -> Bool {
        let lhs = Array(SHA256.hash(data: Array(given.utf8)))
        let rhs = Array(SHA256.hash(data: Array(expected.utf8)))
        var difference: UInt8 = 0
        for index in 0..<min(lhs.count, rhs.count) { difference |= lhs[index] ^ rhs[index] }
        return difference == 0 && lhs.count == rhs.count
    }
}
