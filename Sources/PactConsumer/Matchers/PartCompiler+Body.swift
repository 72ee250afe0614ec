import Foundation
import PactMatching
import PactModel

extension PartCompiler {
    /// The body with its rules and generators; adds a `Content-Type` header when none is declared.
    mutating func body(_ declared: PactBody?, headers: inout Headers, part: String) -> Body {
        guard let declared else { return .missing }
        let bodyPart = "\(part) body"
        if case .empty = declared.kind { return .empty }
        let headerType = headers.values(forHeader: "Content-Type")?.first
        if let explicit = declared.contentType, let headerType, ContentType(explicit) != ContentType(headerType) {
            fail("the body's content type '\(explicit)' differs from the Content-Type header '\(headerType)'", part: bodyPart)
        }
        let text = declared.contentType ?? headerType ?? defaultContentType(of: declared.kind)
        guard let contentType = ContentType(text) else {
            fail("'\(text)' is not a media type (type/subtype)", part: bodyPart)
            return .missing
        }
        if headerType == nil { headers["Content-Type"] = [contentType.description] }
        switch declared.kind {
        case .json(let value):
            guard contentType.isJSON else {
                fail("a JSON body needs a JSON content type, not '\(contentType)'; use .text(…) for other text",
                     part: bodyPart)
                return .missing
            }
            var compiler = TemplateCompiler(version: version)
            let example = compiler.compile(value, at: .root)
            adopt(compiler, part: bodyPart)
            rules[.body] = compiler.ruleLists
            generators[.body] = compiler.generatorsByPath
            return .json(example, contentType: contentType)
        case .text(let value):
            return textBody(value, contentType: contentType, part: bodyPart)
        case .form(let fields):
            return formBody(fields, contentType: contentType, part: bodyPart)
        case .binary(let data, let matchContentTypeOnly):
            if matchContentTypeOnly { rules.add(.contentType(contentType.essence), category: .body, key: "$") }
            return .binary(data, contentType: contentType)
        case .empty:
            return .empty
        }
    }

    private func defaultContentType(of kind: PactBody.Kind) -> String {
        switch kind {
        case .json: "application/json"
        case .text: "text/plain"
        case .form: "application/x-www-form-urlencoded"
        case .binary, .empty: "application/octet-stream"
        }
    }

    private mutating func textBody(_ value: PactValue, contentType: ContentType, part: String) -> Body {
        var compiler = TemplateCompiler(version: version)
        let example = compiler.compile(value, at: .root)
        guard adopt(compiler, part: part) else { return .missing }
        guard let text = example.stringValue else {
            fail("a text body must be a string or a string matcher, got \(example.typeName)", part: part)
            return .missing
        }
        guard compiler.rules.keys.allSatisfy(\.isRoot) else {
            fail("a text body takes a single matcher on the whole text", part: part)
            return .missing
        }
        rules[.body] = compiler.ruleLists
        generators[.body] = compiler.generatorsByPath
        return .text(text, contentType: contentType)
    }

    /// Form fields become `name=value` pairs in name order; rules stay at `$.name` (every value) or `$.name[*]`.
    private mutating func formBody(_ fields: [String: PactValue], contentType: ContentType, part: String) -> Body {
        var compiler = TemplateCompiler(version: version)
        let example = compiler.compile(PactValue(fields), at: .root)
        guard adopt(compiler, part: part) else { return .missing }
        var pairs: [String] = []
        for name in fields.keys.sorted() {
            let value = example[name] ?? .null
            for item in value.arrayValue ?? [value] {
                guard let text = item.stringValue else {
                    fail("form field '\(name)' must be a string or a list of strings, got \(item.typeName) \(item)",
                         part: part)
                    return .missing
                }
                pairs.append("\(FormURLEncoding.encode(name))=\(FormURLEncoding.encode(text))")
            }
        }
        for path in compiler.rules.keys where path.tokens.count > 2 || path.isRoot {
            fail("form fields take matchers on a field or its values only (not at \(path.text))", part: part)
        }
        rules[.body] = compiler.ruleLists
        generators[.body] = compiler.generatorsByPath
        return .text(pairs.joined(separator: "&"), contentType: contentType)
    }

    // MARK: Status

    mutating func status(_ status: PactStatus) -> Int {
        guard let statusClass = status.statusClass else {
            if !(100...599).contains(status.code) { fail("\(status.code) is not an HTTP status", part: "response status") }
            return status.code
        }
        let location = status.location ?? declaredAt
        if version < .v4 {
            fail("a status class needs Pact V4 or later, but this pact is written as \(version); use specVersion: .v4",
                 part: "response status", at: location)
        }
        if let failure = ValueMatcher.check(.statusCode(statusClass), expected: .int(status.code),
                                            actual: .int(status.code), origin: .status) {
            fail("the example status \(status.code) is not in the class: \(failure)", part: "response status", at: location)
        }
        rules[.status][""] = RuleList([.statusCode(statusClass)])
        return status.code
    }
}
