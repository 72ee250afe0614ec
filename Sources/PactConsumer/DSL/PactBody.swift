import Foundation
import PactModel

/// The body of a declared request or response. A dictionary or array literal is a JSON body; a string literal is a
/// plain-text body.
///
/// The body's content type is, in order: the one given here, the `Content-Type` header declared with it, or the
/// kind's default. When no `Content-Type` header is declared, one is added with the body's content type.
public struct PactBody: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case json(PactValue)
        case text(PactValue)
        case form([String: PactValue])
        case binary(Data, matchContentTypeOnly: Bool)
        case empty
    }

    let kind: Kind
    let contentType: String?

    /// A JSON document; values may hold matchers.
    public static func json(_ value: PactValue, contentType: String? = nil) -> PactBody {
        PactBody(kind: .json(value), contentType: contentType)
    }

    /// A JSON document encoded from `value` with `encoder` (by default with sorted keys, so the pact file is the
    /// same on every run), compared by equality; wrap parts in matchers with the `PactValue` form when they vary.
    /// A value that does not encode is a usage error at this call.
    public static func json<Value: Encodable>(
        _ value: Value, encoder: JSONEncoder = PactBody.sortedKeysEncoder(), contentType: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactBody {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        do {
            let json = try JSONParser.parse(try encoder.encode(value))
            return PactBody(kind: .json(PactValue(json)), contentType: contentType)
        } catch {
            let invalid = PactValue.invalid("json", "\(Value.self) cannot be encoded as JSON: \(error)", at: location)
            return PactBody(kind: .json(invalid), contentType: contentType)
        }
    }

    /// A `JSONEncoder` writing keys in sorted order.
    public static func sortedKeysEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Plain text, or a string matcher such as `.regex(_:example:)` applied to the whole body.
    public static func text(_ value: PactValue, contentType: String? = nil) -> PactBody {
        PactBody(kind: .text(value), contentType: contentType)
    }

    /// An `application/x-www-form-urlencoded` form. A field is a string (or string matcher) or a list of them for a
    /// repeated field.
    public static func form(_ fields: [String: PactValue]) -> PactBody {
        PactBody(kind: .form(fields), contentType: nil)
    }

    /// Raw bytes. With `matchContentTypeOnly`, any bytes of `contentType` (recognised from their magic numbers)
    /// match instead of exactly these.
    public static func binary(
        _ data: Data, contentType: String = "application/octet-stream", matchContentTypeOnly: Bool = false
    ) -> PactBody {
        PactBody(kind: .binary(data, matchContentTypeOnly: matchContentTypeOnly), contentType: contentType)
    }

    /// A present body with no content: the other side must send an empty body.
    public static let empty = PactBody(kind: .empty, contentType: nil)
}

extension PactBody: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral {
    /// A dictionary literal is a JSON object body; its values may hold matchers and a repeated key keeps the last.
    public init(dictionaryLiteral elements: (String, PactValue)...) {
        self.init(kind: .json(PactValue(Dictionary(elements, uniquingKeysWith: { _, last in last }))), contentType: nil)
    }

    /// An array literal is a JSON array body; its items may hold matchers.
    public init(arrayLiteral elements: PactValue...) {
        self.init(kind: .json(PactValue(elements)), contentType: nil)
    }

    /// A string literal is a plain-text body.
    public init(stringLiteral value: String) {
        self.init(kind: .text(PactValue(value)), contentType: nil)
    }
}

/// An HTTP method; `.get`, `.post`… or any other name as a string literal.
public struct PactHTTPMethod: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The method name, upper-cased.
    public let name: String

    /// Any method by name; the name is upper-cased.
    public init(_ name: String) { self.name = name.uppercased() }
    /// A method written as a string literal (`"PROPFIND"`), upper-cased.
    public init(stringLiteral value: String) { self.init(value) }

    /// `GET`: read a resource.
    public static let get = PactHTTPMethod("GET")
    /// `POST`: create or submit.
    public static let post = PactHTTPMethod("POST")
    /// `PUT`: replace a resource.
    public static let put = PactHTTPMethod("PUT")
    /// `PATCH`: change part of a resource.
    public static let patch = PactHTTPMethod("PATCH")
    /// `DELETE`: remove a resource.
    public static let delete = PactHTTPMethod("DELETE")
    /// `HEAD`: like `GET`, without the body.
    public static let head = PactHTTPMethod("HEAD")
    /// `OPTIONS`: ask what is allowed, as CORS pre-flights do.
    public static let options = PactHTTPMethod("OPTIONS")

    /// The upper-cased name, as sent.
    public var description: String { name }
}

/// A response status: an integer literal for an exact status, or `.status(_:example:)` for a V4 status class.
public struct PactStatus: Sendable, Hashable, ExpressibleByIntegerLiteral {
    let code: Int
    let statusClass: StatusCodeClass?
    let location: PactSourceLocation?

    /// An integer literal is an exact status.
    public init(integerLiteral value: Int) {
        code = value
        statusClass = nil
        location = nil
    }

    /// Exactly `code`.
    public init(_ code: Int) { self.init(integerLiteral: code) }

    /// Any status of `statusClass` (`.success`, `.clientError`, `.codes([200, 201])`…); the mock serves `example`,
    /// which must belong to the class. Pact V4.
    public static func status(
        _ statusClass: StatusCodeClass, example: Int,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactStatus {
        PactStatus(code: example, statusClass: statusClass,
                   location: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    private init(code: Int, statusClass: StatusCodeClass?, location: PactSourceLocation?) {
        self.code = code
        self.statusClass = statusClass
        self.location = location
    }
}
