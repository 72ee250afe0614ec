/// Makes activation codes (`39KM4PCQT4NR`: 12 characters) and paper verification codes (`P-DY38-H2XP-49GY-2Q`),
/// each character drawn uniformly from `CodeAlphabet`.
public struct CodeGenerator: Sendable {
    /// How many fresh codes are tried before a create gives up (as the real service).
    public static let maxAttempts = 10

    /// Where each character's position in the alphabet comes from.
    public let random: any RandomSource

    /// Builds a generator; the system CSPRNG by default, a seeded source in tests.
    public init(random: any RandomSource = SystemRandomSource()) { self.random = random }

    /// A fresh 12-character activation code, e.g. `39KM4PCQT4NR`; not checked for uniqueness.
    public func activationCode() -> String {
        String(decoding: (0..<12).map { _ in symbol() }, as: UTF8.self)
    }

    /// A fresh `P-XXXX-XXXX-XXXX-XX` paper verification code; not checked for uniqueness.
    public func paperVerificationCode() -> String {
        var bytes: [UInt8] = [UInt8(ascii: "P")]
        for group in [4, 4, 4, 2] {
            bytes.append(UInt8(ascii: "-"))
            for _ in 0..<group { bytes.append(symbol()) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Draws codes with `make` until `isTaken` says one is free, at most `maxAttempts` times.
    func unique(_ make: () -> String, isTaken: (String) async throws -> Bool) async throws -> String {
        for _ in 0..<Self.maxAttempts {
            let candidate = make()
            if try await !isTaken(candidate) { return candidate }
        }
        throw CodesServiceError.codeGenerationExhausted(attempts: Self.maxAttempts)
    }

    private func symbol() -> UInt8 {
        CodeAlphabet.bytes[random.nextIndex(below: CodeAlphabet.bytes.count)]
    }
}
