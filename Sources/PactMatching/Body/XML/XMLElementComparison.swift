import PactModel

/// Walks an expected and an actual element tree side by side and collects body mismatches (pact-reference xml.rs
/// semantics, with pact-jvm's reading of value rules on element paths).
struct XMLElementComparison {
    let rules: XMLRules
    /// Extra attributes and child elements in the actual tree are fine (responses, messages) or not (requests).
    let allowUnexpectedKeys: Bool
    private(set) var mismatches: [Mismatch] = []

    init(rules: XMLRules, allowUnexpectedKeys: Bool) {
        self.rules = rules
        self.allowUnexpectedKeys = allowUnexpectedKeys
    }

    mutating func compareDocuments(expected: XMLTreeElement, actual: XMLTreeElement) {
        guard expected.name == actual.name else {
            report("$", expected: Self.describe(expected.name), actual: Self.describe(actual.name),
                   "Expected root element \(Self.describe(expected.name)) but received \(Self.describe(actual.name))")
            return
        }
        compare(expected, actual, at: XMLNodePath().child(expected.name, index: 0))
    }

    private mutating func compare(_ expected: XMLTreeElement, _ actual: XMLTreeElement, at path: XMLNodePath) {
        if let selection = rules.selection(for: path), !selection.isInherited {
            let failures = Self.sizeFailures(selection.rules, actual)
            if !failures.isEmpty {
                for failure in failures {
                    report(path.description, expected: Self.describe(expected.name), actual: Self.describe(actual.name), failure)
                }
                return
            }
        }
        compareAttributes(expected, actual, at: path)
        compareChildren(expected, actual, at: path)
        compareValue(expected: expected.text, actual: actual.text, at: path.text)
    }

    /// Size and emptiness rules written for an element count its child elements; other rules are left to its
    /// attributes and text. The sentences are pact-reference's (`xml.rs`).
    private static func sizeFailures(_ list: RuleList, _ actual: XMLTreeElement) -> [String] {
        let count = actual.children.count
        let name = actual.name.written
        let results: [String?] = list.rules.map { rule in
            switch rule {
            case .minType(let min) where count < min:
                "Expected '\(name)' to have at least \(min) children"
            case .minMaxType(let min, _) where count < min:
                "Expected '\(name)' to have at least \(min) children"
            case .maxType(let max) where count > max:
                "Expected '\(name)' to have at most \(max) children"
            case .minMaxType(_, let max) where count > max:
                "Expected '\(name)' to have at most \(max) children"
            // pact-reference's own notEmpty check on elements is inverted (it fails when there is a child).
            case .notEmpty where count == 0 && actual.text.isEmpty:
                "Expected '\(name)' to not be empty"
            default:
                nil
            }
        }
        let failures = results.compactMap { $0 }
        if list.logic == .or, failures.count < results.count { return [] }
        return failures
    }

    private mutating func compareAttributes(_ expected: XMLTreeElement, _ actual: XMLTreeElement, at path: XMLNodePath) {
        for attribute in expected.attributes {
            let attributePath = path.attribute(attribute.name)
            let name = attribute.name.written
            guard let value = actual.attribute(attribute.name) else {
                report(attributePath.description, expected: attribute.value, actual: nil,
                       "Expected attribute '\(name)'='\(attribute.value)' but was missing")
                continue
            }
            compareValue(expected: attribute.value, actual: value, at: attributePath)
        }
        guard !allowUnexpectedKeys else { return }
        // pact-reference only counts them ("Expected 1 attribute(s) but received 2 attribute(s)"); naming each one
        // says what to remove.
        for attribute in actual.attributes where expected.attribute(attribute.name) == nil {
            report(path.attribute(attribute.name).description, expected: nil, actual: attribute.value,
                   "Unexpected attribute \(attribute.name.written)='\(attribute.value)'")
        }
    }

    private mutating func compareChildren(_ expected: XMLTreeElement, _ actual: XMLTreeElement, at path: XMLNodePath) {
        let expectedGroups = expected.childGroups
        var actualGroups: [XMLQualifiedName: [XMLTreeElement]] = [:]
        for group in actual.childGroups { actualGroups[group.name] = group.elements }

        for (name, expectedChildren) in expectedGroups {
            guard let first = expectedChildren.first else { continue }
            let actualChildren = actualGroups[name] ?? []
            let tag = "<\(name.written)/>"
            if actualChildren.isEmpty {
                report(path.child(name, index: nil).description, expected: tag, actual: nil, "Expected child \(tag) but was missing")
            } else if rules.hasTypeRule(for: path.child(name, index: nil)) {
                // A list of like elements: each actual one is compared with the first expected one.
                for (index, child) in actualChildren.enumerated() {
                    compare(first, child, at: path.child(name, index: index, of: actualChildren.count))
                }
            } else {
                let count = max(expectedChildren.count, actualChildren.count)
                for index in 0..<count {
                    let childPath = path.child(name, index: index, of: count)
                    if index < expectedChildren.count, index < actualChildren.count {
                        compare(expectedChildren[index], actualChildren[index], at: childPath)
                    } else if index < expectedChildren.count {
                        report(childPath.description, expected: tag, actual: nil, "Expected child \(tag) but was missing")
                    } else if !allowUnexpectedKeys {
                        report(childPath.description, expected: nil, actual: tag, "Unexpected child \(tag)")
                    }
                }
            }
        }

        let expectedNames = Set(expectedGroups.map(\.name))
        for (name, actualChildren) in actual.childGroups where !expectedNames.contains(name) {
            let groupPath = path.child(name, index: nil)
            // With a type rule the children are a list of like elements, so a stranger is wrong even in a response.
            guard !allowUnexpectedKeys || rules.hasTypeRule(for: groupPath) else { continue }
            let tag = "<\(name.written)/>"
            let count = actualChildren.count
            report(groupPath.description, expected: nil, actual: tag,
                   count == 1 ? "Unexpected child \(tag)" : "Unexpected child \(tag) (\(count) of them)")
        }
    }

    /// Compares an attribute value or text with the rules that apply there, or by equality ("Expected 'b' to be
    /// equal to 'a'", as pact-reference writes it for XML values).
    private mutating func compareValue(expected: String, actual: String, at path: XMLNodePath) {
        if let list = rules.valueRules(for: path) {
            for failure in ValueMatcher.match(list, expected: .string(expected), actual: .string(actual), origin: .body) {
                report(path.description, expected: expected, actual: actual, failure)
            }
        } else if expected != actual {
            report(path.description, expected: expected, actual: actual, "Expected '\(actual)' to be equal to '\(expected)'")
        }
    }

    private mutating func report(_ path: String, expected: String?, actual: String?, _ message: String) {
        mismatches.append(Mismatch(kind: .body, path: path, expected: expected, actual: actual, message: message))
    }

    /// `<alligator>`, or `<{urn:alligators}alligator>` for a namespaced element.
    private static func describe(_ name: XMLQualifiedName) -> String { "<\(name.description)>" }
}
