import PactModel

/// Builds `[root].a.b[0]['odd key']` locations.
enum SchemaLocation {
    static func member(_ base: String, _ key: String) -> String {
        // ASCII letters and digits, `_`, `-` and `$`.
        let plain = !key.isEmpty && key.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x24
        }
        if plain { return base + "." + key }
        return base + "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
    }

    static func index(_ base: String, _ index: Int) -> String { base + "[\(index)]" }
}
