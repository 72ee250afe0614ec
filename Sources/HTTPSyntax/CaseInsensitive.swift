extension String {
    /// ASCII case-insensitive comparison, enough for header names (which are tokens): other bytes must be equal.
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        return utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { lower($0) == lower($1) }
    }
}
