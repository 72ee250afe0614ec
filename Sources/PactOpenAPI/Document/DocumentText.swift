import Foundation
import PactModel
import Yams

/// A document's text as a JSON value: JSON when it starts with `{` or `[`, otherwise YAML (of which JSON is a
/// subset, so a JSON document with a leading comment still reads).
enum DocumentText {
    /// More nodes than this (a YAML alias bomb) is refused.
    static let maximumNodes = 2_000_000

    static func parse(_ text: String, file: String) throws(OpenAPIDocumentError) -> JSONValue {
        let start = text.first { !$0.isWhitespace && $0 != "\u{FEFF}" }
        if start == "{" || start == "[" {
            do {
                return try JSONParser.parse(text)
            } catch {
                // YAML flow style (`{openapi: 3.0.0, …}`) starts the same way; the JSON error is the one to report.
                if let yaml = try? parseYAML(text, file: file) { return yaml }
                throw OpenAPIDocumentError(file: file, reason: "not valid JSON: \(error.reason)", line: error.line, column: error.column)
            }
        }
        return try parseYAML(text, file: file)
    }

    private static func parseYAML(_ text: String, file: String) throws(OpenAPIDocumentError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw OpenAPIDocumentError(file: file, reason: "not valid YAML: \(error)")
        }
        guard let node else { throw OpenAPIDocumentError(file: file, reason: "the document is empty") }
        var budget = maximumNodes
        return try value(of: node, file: file, budget: &budget)
    }

    private static func yamlError(_ error: YamlError, file: String) -> OpenAPIDocumentError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return OpenAPIDocumentError(file: file, reason: "not valid YAML: \(reason)", line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return OpenAPIDocumentError(
                file: file, reason: "not valid YAML: duplicate keys \(duplicates.joined(separator: ", "))",
                line: context.mark.line, column: context.mark.column
            )
        case .reader(let problem, _, _, _):
            return OpenAPIDocumentError(file: file, reason: "not valid YAML: \(problem)")
        default:
            return OpenAPIDocumentError(file: file, reason: "not valid YAML: \(error)")
        }
    }

    private static func value(of node: Node, file: String, budget: inout Int) throws(OpenAPIDocumentError) -> JSONValue {
        budget -= 1
        guard budget > 0 else {
            throw OpenAPIDocumentError(file: file, reason: "the document has more than \(maximumNodes) values (a YAML alias bomb?)")
        }
        switch node {
        case .scalar(let scalar):
            return Self.scalar(scalar, tag: node.tag)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence { elements.append(try value(of: element, file: file, budget: &budget)) }
            return .array(elements)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, element) in mapping {
                guard let name = key.scalar?.string else {
                    throw OpenAPIDocumentError(
                        file: file, reason: "a mapping key is not a scalar", line: key.mark?.line, column: key.mark?.column
                    )
                }
                members[name] = try value(of: element, file: file, budget: &budget)
            }
            return .object(members)
        case .alias(let alias):
            throw OpenAPIDocumentError(file: file, reason: "unresolved YAML alias", line: alias.mark?.line, column: alias.mark?.column)
        }
    }

    /// A scalar by its resolved tag: null, Boolean, integer and float as JSON; timestamps and the rest as strings.
    private static func scalar(_ scalar: Node.Scalar, tag: Tag) -> JSONValue {
        let text = scalar.string
        switch Tag.Name(rawValue: tag.rawValue) {
        case .null:
            return .null
        case .bool:
            return Node.scalar(scalar).bool.map(JSONValue.bool) ?? .string(text)
        case .int:
            if let number = JSONNumber(literal: text), number.isInteger { return .number(number) }
            if let int = Node.scalar(scalar).int { return .int(int) }
            return .string(text)
        case .float:
            if let number = JSONNumber(literal: text) { return .number(number) }
            if let double = Node.scalar(scalar).float, double.isFinite { return .double(double) }
            return .string(text)
        default:
            return .string(text)
        }
    }
}
