import PactModel

/// Builds `[root].a.b[0]['odd key']` locations.
enum SchemaLocation {
    static func member(_ base: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.value < 128 && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "_" || $0 == "-" || $0 == "$"
        }
        if plain { return base + "." + key }
        return base + "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
    }

    static func index(_ base: String, _ index: Int) -> String { base + "[\(index)]" }
}
