import Foundation

/// An OpenAPI object schema whose properties are all strings: `properties` with patterns, `required`, and
/// `additionalProperties: false`.
struct ObjectSchema: Sendable {
    let properties: [(name: String, rule: StringRule)]
    let required: Set<String>

    init(_ properties: [(name: String, rule: StringRule)], required: [String]) {
        self.properties = properties
        self.required = Set(required)
    }

    /// The string fields of `value`, or nil after adding every problem found to `problems` (paths under `path`).
    func check(_ value: JSONInput, at path: String, problems: inout [ValidationProblem]) -> [String: String]? {
        guard case .object(let members, let keys) = value else {
            problems.append(ValidationProblem(path, "must be an object, got \(value.typeName)"))
            return nil
        }
        let before = problems.count
        var fields: [String: String] = [:]
        for (name, rule) in properties {
            let fieldPath = "\(path).\(name)"
            guard let member = members[name] else {
                if required.contains(name) { problems.append(ValidationProblem(fieldPath, "required field is missing")) }
                continue
            }
            guard case .string(let text) = member else {
                problems.append(ValidationProblem(fieldPath, "must be a string, got \(member.typeName)"))
                continue
            }
            guard rule.accepts(text) else {
                problems.append(ValidationProblem(fieldPath, "\(quoted(text)) \(rule.complaint)"))
                continue
            }
            fields[name] = text
        }
        let allowed = properties.map(\.name)
        for key in keys where !allowed.contains(key) {
            problems.append(ValidationProblem("\(path).\(key)", "unknown field (allowed: \(allowed.joined(separator: ", ")))"))
        }
        return problems.count == before ? fields : nil
    }

    private func quoted(_ text: String) -> String {
        let shown = text.count > 64 ? String(text.prefix(64)) + "…" : text
        return "\"" + shown.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// One reason a request body breaks its schema: the JSON path of the field and why.
struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    var path: String
    var reason: String

    init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    var description: String { "\(path): \(reason)" }
}

/// A request body that cannot be served, with every problem found.
struct BadRequest: Error, Sendable {
    var problems: [ValidationProblem]
}
