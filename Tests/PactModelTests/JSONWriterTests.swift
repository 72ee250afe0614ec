import Foundation
import XCTest

@testable import PactModel

final class JSONWriterTests: XCTestCase {
    /// The escapes JSON text needs, one character at a time: the reference the writer's word-at-a-time check must
    /// agree with.
    private func escaped(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Strings are checked eight bytes at a time: a character to escape at any position of any length is found, and
    /// bytes that only look close (0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, UTF-8 continuation bytes) are copied as they are.
    func testStringsAreEscapedWhereverTheCharacterFalls() throws {
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{0}", "\t"]
        let plain = [" ", "!", "#", "[", "]", "\u{7F}", "\u{E9}", "\u{1F389}", "a"]
        for length in 0..<20 {
            for position in 0...length {
                for special in specials + plain {
                    var characters = Array(repeating: "x", count: length)
                    characters.insert(special, at: position)
                    let text = characters.joined()
                    XCTAssertEqual(JSONWriter.compact(.string(text)), escaped(text), "\(text.debugDescription)")
                    XCTAssertEqual(try JSONParser.parse(JSONWriter.compact(.string(text))), .string(text))
                }
            }
        }
    }

    /// The text a `JSONSink` writer produces through `JSONTextOutput` is the same as the `JSONValue` it builds
    /// through `JSONTreeBuilder`, written by `JSONWriter`, pretty and compact; numbers of every size are written as
    /// `JSONNumber` writes them.
    func testTextOutputAndTreeBuilderAgree() {
        func write<Sink: JSONSink>(to out: inout Sink) {
            out.beginObject()
            out.key("a")
            out.beginArray()
            for number in [0, 7, -7, 1_234_567_890, Int.max, Int.min] { out.int(number) }
            out.bool(true)
            out.null()
            out.beginObject()
            out.endObject()
            out.beginArray()
            out.endArray()
            out.endArray()
            out.member("b", "text \"quoted\"\n")
            out.key("c")
            out.value(["z": 1, "y": [1.5, "s", nil]])
            out.key("d")
            out.object(["k2": 2, "k1": 1, "K": [:]])
            out.endObject()
        }
        let value = JSONTreeBuilder.build { write(to: &$0) }
        XCTAssertEqual(value["a"]?.arrayValue?.prefix(6).map(\.numberValue?.literal),
                       ["0", "7", "-7", "1234567890", String(Int.max), String(Int.min)])
        for indent in [false, true] {
            var out = JSONTextOutput(indent: indent, capacity: 4)
            defer { out.deallocate() }
            write(to: &out)
            let text = String(decoding: out.buffer, as: UTF8.self)
            XCTAssertEqual(text, indent ? String(JSONWriter.pretty(value).dropLast()) : JSONWriter.compact(value))
        }
    }
}
