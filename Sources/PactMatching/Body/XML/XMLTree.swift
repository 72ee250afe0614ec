/// A namespace-aware XML name: two names are the same when their namespace URI and local name are, whatever prefix
/// the document used.
struct XMLQualifiedName: Sendable, Hashable, CustomStringConvertible {
    var namespaceURI: String?
    var localName: String
    /// The name as the document wrote it (`a:alligator`); not part of equality.
    var written: String

    init(namespaceURI: String?, localName: String, written: String? = nil) {
        self.namespaceURI = namespaceURI
        self.localName = localName
        self.written = written ?? localName
    }

    static func == (lhs: XMLQualifiedName, rhs: XMLQualifiedName) -> Bool {
        lhs.namespaceURI == rhs.namespaceURI && lhs.localName == rhs.localName
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(namespaceURI)
        hasher.combine(localName)
    }

    /// The name for messages: the local name, with its namespace in braces when it has one (`{urn:a}alligator`).
    var description: String {
        namespaceURI.map { "{\($0)}\(localName)" } ?? localName
    }

    /// True when a rule path token names this node: the local name, the written name or `uri:local`.
    func isNamed(_ token: String) -> Bool {
        token == localName || token == written || namespaceURI.map { "\($0):\(localName)" == token } == true
    }
}

/// An attribute of an element (namespace declarations are not attributes).
struct XMLTreeAttribute: Sendable, Hashable {
    var name: XMLQualifiedName
    var value: String
}

/// An element of a parsed XML document, reduced to what body matching compares.
struct XMLTreeElement: Sendable, Hashable {
    var name: XMLQualifiedName
    /// In document order.
    var attributes: [XMLTreeAttribute]
    /// The child elements in document order.
    var children: [XMLTreeElement]
    /// The element's own text: each run of character data (text or CDATA) trimmed, then joined, as pact-reference
    /// and pact-jvm compare it.
    var text: String

    init(name: XMLQualifiedName, attributes: [XMLTreeAttribute] = [], children: [XMLTreeElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The value of the attribute with `name`, if present.
    func attribute(_ name: XMLQualifiedName) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Children grouped by name, groups in order of first appearance and members in document order.
    var childGroups: [(name: XMLQualifiedName, elements: [XMLTreeElement])] {
        var order: [XMLQualifiedName] = []
        var groups: [XMLQualifiedName: [XMLTreeElement]] = [:]
        for child in children {
            if groups[child.name] == nil { order.append(child.name) }
            groups[child.name, default: []].append(child)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// A short form for messages: `<alligator>`.
    var tag: String { "<\(name.written)>" }
}

/// Why a document could not be parsed as XML, with where the parser stopped.
struct XMLTreeParseError: Error, Sendable, Hashable, CustomStringConvertible {
    var reason: String
    /// 1-based; 0 when the parser gave no position.
    var line: Int
    var column: Int

    var description: String {
        line > 0 ? "\(reason) at line \(line), column \(column)" : reason
    }
}
