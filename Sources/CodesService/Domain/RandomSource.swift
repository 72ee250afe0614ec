import NIOConcurrencyHelpers

/// Where code characters come from. Production uses the system CSPRNG; tests inject a seeded source so generated codes
/// are reproducible.
public protocol RandomSource: Sendable {
    /// A uniformly distributed integer in `0..<upperBound` (`upperBound` > 0).
    func nextIndex(below upperBound: Int) -> Int
}

/// The operating system's cryptographically secure generator (`SystemRandomNumberGenerator`).
public struct SystemRandomSource: RandomSource {
    /// Creates the source; it holds no state.
    public init() {}

    /// Draws from `SystemRandomNumberGenerator`.
    public func nextIndex(below upperBound: Int) -> Int {
        var generator = SystemRandomNumberGenerator()
        return Int.random(in: 0..<upperBound, using: &generator)
    }
}

/// A deterministic source (SplitMix64) for tests: the same seed gives the same sequence. Not for production.
public final class SeededRandomSource: RandomSource {
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let generator: NIOLockedValueBox<SplitMix64>

    /// Starts the sequence at `seed`.
    public init(seed: UInt64) { generator = NIOLockedValueBox(SplitMix64(state: seed)) }

    /// The next draw of the seeded sequence; calls are serialised, so the order of calls decides the values.
    public func nextIndex(below upperBound: Int) -> Int {
        generator.withLockedValue { Int.random(in: 0..<upperBound, using: &$0) }
    }
}
