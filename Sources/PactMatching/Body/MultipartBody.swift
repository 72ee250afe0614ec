import Foundation
import PactModel

/// One part of a MIME multipart body (RFC 2046, RFC 7578).
struct MultipartPart: Sendable {
    /// Its position among the parts, from 0.
    var index: Int
    /// The `name` of its `Content-Disposition`, or "" when it has none.
    var name: String
    /// The `filename` of its `Content-Disposition`, if any.
    var filename: String?
    /// Its header fields in order, names lower-cased.
    var headers: [(name: String, value: String)]
    /// Its body as sent (still transfer-encoded).
    var data: Data

    /// A form field (a disposition without a file name) rather than a file or a `multipart/mixed` entity; fields
    /// are compared as text, files by their content type (pact-reference's `MimePart::Field` / `MimePart::File`).
    var isField: Bool { header("content-disposition") != nil && filename == nil }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    var contentType: ContentType? { header("content-type").flatMap(ContentType.init) }

    /// The body with a `Content-Transfer-Encoding: base64` undone; as sent when it is not valid base64.
    var decodedData: Data {
        guard header("content-transfer-encoding")?.lowercased() == "base64" else { return data }
        let text = String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
        return Data(base64Encoded: text) ?? data
    }
}

/// Splits multipart bodies into parts.
enum MultipartParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The parts of `data`, delimited by the `boundary` parameter of `contentType`.
    static func parts(of data: Data, contentType: ContentType?) throws(Failure) -> [MultipartPart] {
        guard let contentType else { throw Failure(description: "no content-type header") }
        guard var boundary = contentType.parameter("boundary"), !boundary.isEmpty else {
            throw Failure(description: "no boundary in content-type")
        }
        if boundary.count >= 2, boundary.hasPrefix("\""), boundary.hasSuffix("\"") { boundary = String(boundary.dropFirst().dropLast()) }
        let bytes = [UInt8](data)
        let delimiter = [UInt8]("--\(boundary)".utf8)
        var starts = delimiterPositions(delimiter, in: bytes)
        guard !starts.isEmpty else { throw Failure(description: "no multipart boundary '\(boundary)' found") }
        var parts: [MultipartPart] = []
        while starts.count >= 2 {
            let open = starts.removeFirst()
            var contentStart = open + delimiter.count
            // The rest of the delimiter line (transport padding), then its line break.
            while contentStart < bytes.count, bytes[contentStart] != 0x0A { contentStart += 1 }
            contentStart = min(contentStart + 1, bytes.count)
            var contentEnd = starts[0]
            // The line break before the next delimiter belongs to the delimiter.
            if contentEnd > contentStart, bytes[contentEnd - 1] == 0x0A { contentEnd -= 1 }
            if contentEnd > contentStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            parts.append(part(index: parts.count, Array(bytes[contentStart..<max(contentStart, contentEnd)])))
            let next = starts[0] + delimiter.count
            if next + 1 < bytes.count, bytes[next] == 0x2D, bytes[next + 1] == 0x2D { break }
        }
        return parts
    }

    /// Where `delimiter` starts a line of `bytes` (at the very start or after a line feed).
    private static func delimiterPositions(_ delimiter: [UInt8], in bytes: [UInt8]) -> [Int] {
        var positions: [Int] = []
        guard bytes.count >= delimiter.count, let first = delimiter.first else { return positions }
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index] == first, index == 0 || bytes[index - 1] == 0x0A,
                bytes[index..<(index + delimiter.count)].elementsEqual(delimiter)
            {
                positions.append(index)
                index += delimiter.count
            } else {
                index += 1
            }
        }
        return positions
    }

    /// One part: its header lines up to the first empty line, then its body. A part without that empty line, or
    /// whose first line is not a header, is all body.
    private static func part(index: Int, _ content: [UInt8]) -> MultipartPart {
        let (headers, bodyStart) = headerBlock(content) ?? ([], 0)
        let disposition = headers.first { $0.name == "content-disposition" }?.value
        return MultipartPart(index: index, name: disposition.flatMap { parameter("name", of: $0) } ?? "",
                             filename: disposition.flatMap { parameter("filename", of: $0) }, headers: headers,
                             data: Data(content[bodyStart...]))
    }

    /// The header fields (names lower-cased, folded lines joined) and where the body starts; nil when `content`
    /// has no header block ended by an empty line.
    private static func headerBlock(_ content: [UInt8]) -> (headers: [(name: String, value: String)], bodyStart: Int)? {
        var fields: [(name: String, value: String)] = []
        var cursor = 0
        while cursor < content.count {
            var end = cursor
            while end < content.count, content[end] != 0x0A { end += 1 }
            let lineEnd = end > cursor && content[end - 1] == 0x0D ? end - 1 : end
            if lineEnd == cursor { return (fields, min(end + 1, content.count)) }
            let line = String(decoding: content[cursor..<lineEnd], as: UTF8.self)
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                               line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            } else {
                return nil
            }
            cursor = end + 1
        }
        return nil
    }

    /// A parameter of a header value such as `form-data; name="file"; filename="a.txt"`, unquoted.
    static func parameter(_ wanted: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == wanted else { continue }
            var text = pair[1].trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }
}
