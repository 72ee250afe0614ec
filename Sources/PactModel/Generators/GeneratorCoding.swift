extension Generator {
    /// Reads one generator object such as `{"type":"RandomInt","min":0,"max":10}` (PACT-SPEC §3.4 and V4).
    /// Missing sizes take pact-reference's defaults.
    public static func decode(_ json: JSONValue, at jsonPath: String) throws(PactError) -> Generator {
        typealias S = RuleCodingSupport
        let members = try S.object(json, at: jsonPath, what: "a generator object")
        let type = try S.requiredString(members, "type", at: jsonPath)
        switch type {
        case "RandomInt":
            let min = try S.optionalInt(members, "min", at: jsonPath) ?? 0
            let max = try S.optionalInt(members, "max", at: jsonPath) ?? 2_147_483_647
            guard min <= max else {
                throw PactError(jsonPath: jsonPath, reason: "min \(min) is greater than max \(max)")
            }
            return .randomInt(min: min, max: max)
        case "RandomDecimal":
            return .randomDecimal(digits: try count(members, "digits", at: jsonPath))
        case "RandomHexadecimal":
            return .randomHexadecimal(digits: try count(members, "digits", at: jsonPath))
        case "RandomString":
            return .randomString(size: try count(members, "size", at: jsonPath))
        case "Regex":
            let pattern = try S.requiredString(members, "regex", at: jsonPath)
            try S.checkRegex(pattern, at: S.child(jsonPath, "regex"))
            return .regex(pattern)
        case "Uuid":
            guard let text = try S.optionalString(members, "format", at: jsonPath) else { return .uuid(format: nil) }
            guard let format = UUIDFormat(rawValue: text) else {
                throw PactError(jsonPath: S.child(jsonPath, "format"), reason: "unknown UUID format '\(text)'")
            }
            return .uuid(format: format)
        case "Date", "Time", "DateTime":
            let format = try S.optionalString(members, "format", at: jsonPath)
            let expression = try S.optionalString(members, "expression", at: jsonPath)
            switch type {
            case "Date": return .date(format: format, expression: expression)
            case "Time": return .time(format: format, expression: expression)
            default: return .dateTime(format: format, expression: expression)
            }
        case "RandomBoolean", "Boolean":
            return .randomBoolean
        case "ProviderState":
            let expression = try S.requiredString(members, "expression", at: jsonPath)
            return .providerState(expression: expression, dataType: try S.optionalString(members, "dataType", at: jsonPath))
        case "MockServerURL":
            let regex = try S.requiredString(members, "regex", at: jsonPath)
            try S.checkRegex(regex, at: S.child(jsonPath, "regex"))
            return .mockServerURL(regex: regex, example: try S.requiredString(members, "example", at: jsonPath))
        default:
            throw PactError(jsonPath: S.child(jsonPath, "type"), reason: "unknown generator type '\(type)'")
        }
    }

    /// The generator object as written in V3/V4 pact files.
    public var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// Writes the generator object, its members in key order.
    func write<Sink: JSONSink>(to out: inout Sink) {
        out.beginObject()
        switch self {
        case .randomInt(let min, let max):
            out.member("max", max)
            out.member("min", min)
        case .randomDecimal(let digits), .randomHexadecimal(let digits): out.member("digits", digits)
        case .randomString(let size): out.member("size", size)
        case .regex(let pattern): out.member("regex", pattern)
        case .uuid(let format): if let format { out.member("format", format.rawValue) }
        case .date(let format, let expression), .time(let format, let expression), .dateTime(let format, let expression):
            if let expression { out.member("expression", expression) }
            if let format { out.member("format", format) }
        case .randomBoolean: break
        case .providerState(let expression, let dataType):
            if let dataType { out.member("dataType", dataType) }
            out.member("expression", expression)
        case .mockServerURL(let regex, let example):
            out.member("example", example)
            out.member("regex", regex)
        }
        out.member("type", typeName)
        out.endObject()
    }

    /// A digit count or size: optional, default 10, never negative.
    private static func count(_ members: JSONObject, _ key: String, at jsonPath: String) throws(PactError) -> Int {
        let value = try RuleCodingSupport.optionalInt(members, key, at: jsonPath) ?? 10
        guard value >= 0 else {
            throw PactError(jsonPath: RuleCodingSupport.child(jsonPath, key), reason: "must not be negative, got \(value)")
        }
        return value
    }
}
