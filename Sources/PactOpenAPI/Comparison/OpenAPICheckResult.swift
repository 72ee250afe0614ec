import PactModel

/// One finding of the comparator about one interaction; encodes to the reference comparator's JSON shape
/// (`{code, message, type, mockDetails, specDetails}`).
public struct OpenAPICheckResult: Sendable, Hashable, Codable {
    /// The result code (`response.body.incompatible`).
    public var code: OpenAPIResultCode
    /// What is wrong, in the reference comparator's words.
    public var message: String
    /// Error or warning (always `code.type`).
    public var type: OpenAPIResultType
    /// Where in the pact.
    public var mockDetails: MockDetails
    /// Where in the OpenAPI document.
    public var specDetails: SpecDetails

    /// A result with `code`'s type.
    public init(code: OpenAPIResultCode, message: String, mockDetails: MockDetails, specDetails: SpecDetails) {
        self.code = code
        self.message = message
        self.type = code.type
        self.mockDetails = mockDetails
        self.specDetails = specDetails
    }

    /// The pact side of a result.
    public struct MockDetails: Sendable, Hashable, Codable {
        /// The interaction's description.
        public var interactionDescription: String
        /// Its (first) provider state's name, or `[none]`.
        public var interactionState: String
        /// `[root].interactions[0].response.body.id` style.
        public var location: String
        /// The value found there, when there is one.
        public var value: JSONValue?

        /// Details of the interaction at `location`.
        public init(interactionDescription: String, interactionState: String, location: String, value: JSONValue?) {
            self.interactionDescription = interactionDescription
            self.interactionState = interactionState
            self.location = location
            self.value = value
        }

        enum CodingKeys: String, CodingKey { case interactionDescription, interactionState, location, value }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            interactionDescription = try container.decode(String.self, forKey: .interactionDescription)
            interactionState = try container.decode(String.self, forKey: .interactionState)
            location = try container.decode(String.self, forKey: .location)
            value = try container.decodeIfPresent(CodableJSON.self, forKey: .value)?.value
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(interactionDescription, forKey: .interactionDescription)
            try container.encode(interactionState, forKey: .interactionState)
            try container.encode(location, forKey: .location)
            try container.encodeIfPresent(value.map(CodableJSON.init), forKey: .value)
        }
    }

    /// The document side of a result.
    public struct SpecDetails: Sendable, Hashable, Codable {
        /// `[root].paths./pet.post` style.
        public var location: String
        /// The operation's method (`post`); null when no operation matched.
        public var pathMethod: String?
        /// The operation's path template (`/pet/{id}`); null when no operation matched.
        public var pathName: String?
        /// The documented value (a schema, the media types, the status keys), when there is one.
        public var value: JSONValue?

        /// Details of the document at `location`.
        public init(location: String, pathMethod: String?, pathName: String?, value: JSONValue?) {
            self.location = location
            self.pathMethod = pathMethod
            self.pathName = pathName
            self.value = value
        }

        enum CodingKeys: String, CodingKey { case location, pathMethod, pathName, value }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            location = try container.decode(String.self, forKey: .location)
            pathMethod = try container.decodeIfPresent(String.self, forKey: .pathMethod)
            pathName = try container.decodeIfPresent(String.self, forKey: .pathName)
            value = try container.decodeIfPresent(CodableJSON.self, forKey: .value)?.value
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(location, forKey: .location)
            // Written as null, not left out, when no operation matched (as the reference comparator does).
            try container.encode(pathMethod, forKey: .pathMethod)
            try container.encode(pathName, forKey: .pathName)
            try container.encodeIfPresent(value.map(CodableJSON.init), forKey: .value)
        }
    }
}

/// `JSONValue` through `Codable`.
struct CodableJSON: Codable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(CodableJSON.self).value) }
            value = .array(elements)
        } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(CodableJSON.self, forKey: key).value }
            value = .object(members)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let bool = try? single.decode(Bool.self) {
                value = .bool(bool)
            } else if let integer = try? single.decode(Int64.self) {
                value = .number(JSONNumber(integer))
            } else if let double = try? single.decode(Double.self) {
                value = .number(JSONNumber(double))
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let bool):
            var single = encoder.singleValueContainer()
            try single.encode(bool)
        case .number(let number):
            var single = encoder.singleValueContainer()
            if let integer = number.int64Value { try single.encode(integer) } else { try single.encode(number.doubleValue) }
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(CodableJSON(element)) }
        case .object(let members):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, member) in members { try object.encode(CodableJSON(member), forKey: AnyKey(key)) }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
