/// A parsed media type such as `application/json; charset=UTF-8`.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    /// The main type, lower-cased (`application`).
    public var type: String
    /// The subtype, lower-cased (`json`, `vnd.api+json`).
    public var subtype: String
    /// Parameters in written order; names lower-cased, values unquoted.
    public var parameters: [(name: String, value: String)] {
        get { parameterList.map { ($0.name, $0.value) } }
        set { parameterList = newValue.map { Parameter(name: $0.name, value: $0.value) } }
    }

    private var parameterList: [Parameter]

    private struct Parameter: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// A media type from its parts; type, subtype and parameter names are lower-cased.
    public init(type: String, subtype: String, parameters: [(name: String, value: String)] = []) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameterList = parameters.map { Parameter(name: $0.name.lowercased(), value: $0.value) }
    }

    /// Parses a header value; returns nil when it has no `type/subtype`.
    public init?(_ text: String) {
        if let bare = Self.bareEssence(text) {
            self = bare
            return
        }
        let pieces = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let essence = pieces.first else { return nil }
        let typeParts = essence.trimmingWhitespace.split(separator: "/", maxSplits: 1)
        guard typeParts.count == 2, !typeParts[0].isEmpty, !typeParts[1].isEmpty else { return nil }
        var parameters: [(name: String, value: String)] = []
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard let rawName = pair.first else { continue }
            let name = rawName.trimmingWhitespace
            guard !name.isEmpty else { continue }
            var value = pair.count > 1 ? pair[1].trimmingWhitespace : ""
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            parameters.append((String(name), String(value)))
        }
        self.init(type: String(typeParts[0]), subtype: String(typeParts[1]), parameters: parameters)
    }

    /// The common `type/subtype` with no parameters and no spaces, read from the bytes: the mock parses several
    /// content types per request, and splitting into `Character`s made that a noticeable share of its time. Anything
    /// else (parameters, spaces, a second `/`) is left to the general parser, which gives the same result here.
    private static func bareEssence(_ text: String) -> ContentType? {
        // Nearly every content type in a pact file: compared as a whole, it needs no scanning or lower-casing.
        if text == "application/json" { return .json }
        let utf8 = text.utf8
        var slash: String.Index?
        for index in utf8.indices {
            switch utf8[index] {
            case UInt8(ascii: "/"):
                guard slash == nil else { return nil }
                slash = index
            case UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                return nil
            default:
                continue
            }
        }
        guard let slash, slash > text.startIndex, utf8.index(after: slash) < text.endIndex else { return nil }
        return ContentType(type: String(text[..<slash]), subtype: String(text[utf8.index(after: slash)...]))
    }

    /// `application/json`.
    public static let json = ContentType(type: "application", subtype: "json")
    /// `application/xml`.
    public static let xml = ContentType(type: "application", subtype: "xml")
    /// `text/plain`.
    public static let plainText = ContentType(type: "text", subtype: "plain")
    /// `text/html`.
    public static let html = ContentType(type: "text", subtype: "html")
    /// `application/x-www-form-urlencoded`, for form bodies.
    public static let formURLEncoded = ContentType(type: "application", subtype: "x-www-form-urlencoded")
    /// `application/octet-stream`, for arbitrary bytes.
    public static let octetStream = ContentType(type: "application", subtype: "octet-stream")

    /// `type/subtype` without parameters.
    public var essence: String { "\(type)/\(subtype)" }

    /// The value of parameter `name` (case-insensitive name).
    public func parameter(_ name: String) -> String? {
        let lower = name.lowercased()
        return parameterList.first { $0.name == lower }?.value
    }

    /// True for `*/json`, `*/…+json` and other `application/json…` subtypes.
    public var isJSON: Bool {
        subtype == "json" || subtype.hasSuffix("+json") || (type == "application" && subtype.hasPrefix("json"))
    }

    /// True for `*/xml` and `*/…+xml`.
    public var isXML: Bool { subtype == "xml" || subtype.hasSuffix("+xml") }

    /// True for `application/x-www-form-urlencoded` form bodies.
    public var isFormURLEncoded: Bool { essence == "application/x-www-form-urlencoded" }

    /// Types whose bodies are text and are compared as strings.
    public var isText: Bool {
        type == "text" || isJSON || isXML || isFormURLEncoded
            || ["javascript", "x-javascript", "ecmascript", "graphql", "yaml", "x-yaml"].contains(subtype)
    }

    /// Types whose bodies are bytes (images, octet streams, PDFs…).
    public var isBinary: Bool { !isText }

    /// The header form: `type/subtype` followed by `;name=value` for each parameter.
    public var description: String {
        parameterList.reduce(essence) { $0 + ";\($1.name)=\($1.value)" }
    }
}

import Foundation
