import HTTPSyntax
import PactModel

/// Percent-decoding of path segments (the one implementation in HTTPSyntax).
enum PercentDecodingBridge {
    static func decode(_ text: Substring) -> String { PercentDecoding.decode(text) }
}

/// Compact JSON with sorted keys (PactModel's writer).
enum JSONWriterBridge {
    static func compact(_ value: JSONValue) -> String { JSONWriter.compact(value) }
}
