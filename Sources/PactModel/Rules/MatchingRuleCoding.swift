extension MatchingRule {
    /// Reads one matcher object such as `{"match":"regex","regex":"\\d+"}`, including the legacy forms without
    /// `match` (`{"min":1}`, `{"regex":"..."}`, `{"timestamp":"..."}`) and pact-reference's hyphenated aliases.
    public static func decode(_ json: JSONValue, at jsonPath: String) throws(PactError) -> MatchingRule {
        try decode(json, lazyPath: jsonPath)
    }

    /// `decode(_:at:)` with the path built only when it is reported: pact files hold thousands of matchers.
    static func decode(_ json: JSONValue, lazyPath jsonPath: @autoclosure () -> String) throws(PactError) -> MatchingRule {
        typealias S = RuleCodingSupport
        let members = try S.object(json, at: jsonPath(), what: "a matcher object")
        let name: String
        if let match = members["match"], !match.isNull {
            guard let text = match.stringValue else {
                throw PactError(jsonPath: S.child(jsonPath(), "match"), reason: "expected a string, got \(match.typeName)")
            }
            name = text
        } else {
            name = try legacyName(members, at: jsonPath())
        }
        switch name {
        case "equality": return .equality
        case "regex":
            let pattern = try S.requiredString(members, "regex", at: jsonPath())
            try S.checkRegex(pattern, at: S.child(jsonPath(), "regex"))
            return .regex(pattern)
        case "type", "min", "max", "min-type", "max-type":
            return try typeRule(name, members, at: jsonPath())
        case "include": return .include(try S.requiredString(members, "value", at: jsonPath()))
        case "integer": return .integer
        case "decimal", "real": return .decimal
        case "number": return .number
        case "datetime", "timestamp":
            return .timestamp(format: try format(members, legacyKeys: ["timestamp", "datetime"], at: jsonPath()))
        case "time": return .time(format: try format(members, legacyKeys: ["time"], at: jsonPath()))
        case "date": return .date(format: try format(members, legacyKeys: ["date"], at: jsonPath()))
        case "null": return .null
        case "boolean": return .boolean
        case "contentType", "content-type": return .contentType(try S.requiredString(members, "value", at: jsonPath()))
        case "values": return .values
        case "arrayContains", "array-contains": return .arrayContains(try variants(members, at: jsonPath()))
        case "statusCode", "status-code": return .statusCode(try statusClass(members, at: jsonPath()))
        case "notEmpty", "not-empty": return .notEmpty
        case "semver": return .semver
        case "eachKey", "each-key":
            let (rules, example) = try eachRules(members, at: jsonPath())
            return .eachKey(rules: rules, example: example)
        case "eachValue", "each-value":
            let (rules, example) = try eachRules(members, at: jsonPath())
            return .eachValue(rules: rules, example: example)
        default:
            throw PactError(jsonPath: S.child(jsonPath(), "match"), reason: "unknown matcher '\(name)'")
        }
    }

    /// The matcher object as pact-reference writes it in V3/V4 pact files.
    public var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// Writes the matcher object, its members in key order.
    func write<Sink: JSONSink>(to out: inout Sink) {
        out.beginObject()
        // `format` is the one member that sorts before `match`.
        switch self {
        case .timestamp(let format?), .time(let format?), .date(let format?): out.member("format", format)
        default: break
        }
        out.member("match", name)
        switch self {
        case .regex(let pattern):
            out.member("regex", pattern)
        case .minType(let min):
            out.member("min", min)
        case .maxType(let max):
            out.member("max", max)
        case .minMaxType(let min, let max):
            out.member("max", max)
            out.member("min", min)
        case .include(let value), .contentType(let value):
            out.member("value", value)
        case .arrayContains(let variants):
            out.key("variants")
            out.beginArray()
            for variant in variants { variant.write(to: &out) }
            out.endArray()
        case .statusCode(let status):
            out.key("status")
            status.write(to: &out)
        case .eachKey(let rules, let example), .eachValue(let rules, let example):
            out.key("rules")
            out.beginArray()
            for rule in rules { rule.write(to: &out) }
            out.endArray()
            if let example {
                out.key("value")
                out.value(example)
            }
        case .timestamp, .time, .date, .equality, .type, .integer, .decimal, .number, .null, .boolean, .values,
             .notEmpty, .semver:
            break
        }
        out.endObject()
    }

    /// Guesses the matcher of an object without `match`, as pact-reference does for old pact files.
    private static func legacyName(_ members: JSONObject, at jsonPath: @autoclosure () -> String) throws(PactError) -> String {
        if members["regex"] != nil { return "regex" }
        if members["min"] != nil || members["max"] != nil { return "type" }
        for key in ["timestamp", "datetime", "date", "time"] where members[key] != nil { return key }
        throw PactError(jsonPath: jsonPath(), reason: "matcher has no 'match' field and its type cannot be guessed")
    }

    private static func typeRule(_ name: String, _ members: JSONObject, at jsonPath: @autoclosure () -> String) throws(PactError) -> MatchingRule {
        typealias S = RuleCodingSupport
        let min = try S.optionalInt(members, "min", at: jsonPath())
        let max = try S.optionalInt(members, "max", at: jsonPath())
        // Checked one by one: looping over a literal array of the two allocated it for every matcher read.
        if let min, min < 0 { throw PactError(jsonPath: S.child(jsonPath(), "min"), reason: "must not be negative, got \(min)") }
        if let max, max < 0 { throw PactError(jsonPath: S.child(jsonPath(), "max"), reason: "must not be negative, got \(max)") }
        if (name == "min" || name == "min-type"), min == nil {
            throw PactError(jsonPath: S.child(jsonPath(), "min"), reason: "missing required integer field 'min'")
        }
        if (name == "max" || name == "max-type"), max == nil {
            throw PactError(jsonPath: S.child(jsonPath(), "max"), reason: "missing required integer field 'max'")
        }
        switch (min, max) {
        case (nil, nil): return .type
        case (let min?, nil): return .minType(min)
        case (nil, let max?): return .maxType(max)
        case (let min?, let max?):
            guard min <= max else {
                throw PactError(jsonPath: jsonPath(), reason: "min \(min) is greater than max \(max)")
            }
            return .minMaxType(min: min, max: max)
        }
    }

    /// The date/time format: `format`, or the legacy field named after the matcher.
    private static func format(_ members: JSONObject, legacyKeys: [String], at jsonPath: @autoclosure () -> String) throws(PactError) -> String? {
        for key in ["format"] + legacyKeys {
            if let value = try RuleCodingSupport.optionalString(members, key, at: jsonPath()) { return value }
        }
        return nil
    }

    private static func statusClass(_ members: JSONObject, at jsonPath: @autoclosure () -> String) throws(PactError) -> StatusCodeClass {
        typealias S = RuleCodingSupport
        let path = S.child(jsonPath(), "status")
        guard let status = members["status"], !status.isNull else { return .success }
        if let items = status.arrayValue {
            var codes: [Int] = []
            for (index, item) in items.enumerated() { codes.append(try S.int(item, at: S.element(path, index))) }
            return .codes(codes)
        }
        guard let text = status.stringValue else {
            throw PactError(jsonPath: path, reason: "expected a status class or an array of status codes, got \(status.typeName)")
        }
        guard let known = StatusCodeClass(name: text) else {
            throw PactError(jsonPath: path, reason: "unknown status class '\(text)'")
        }
        return known
    }

    private static func eachRules(_ members: JSONObject, at jsonPath: @autoclosure () -> String) throws(PactError) -> ([MatchingRule], JSONValue?) {
        typealias S = RuleCodingSupport
        let path = S.child(jsonPath(), "rules")
        guard let value = members["rules"] else {
            throw PactError(jsonPath: path, reason: "missing required array field 'rules'")
        }
        var rules: [MatchingRule] = []
        for (index, item) in try S.array(value, at: path).enumerated() {
            rules.append(try decode(item, lazyPath: S.element(path, index)))
        }
        return (rules, members["value"])
    }

    private static func variants(_ members: JSONObject, at jsonPath: @autoclosure () -> String) throws(PactError) -> [ArrayContainsVariant] {
        typealias S = RuleCodingSupport
        let path = S.child(jsonPath(), "variants")
        guard let value = members["variants"] else {
            throw PactError(jsonPath: path, reason: "missing required array field 'variants'")
        }
        var variants: [ArrayContainsVariant] = []
        for (position, item) in try S.array(value, at: path).enumerated() {
            variants.append(try ArrayContainsVariant.decode(item, at: S.element(path, position), defaultIndex: position))
        }
        return variants
    }
}

extension ArrayContainsVariant {
    /// Reads `{"index": n, "rules": {path: {matchers, combine}}, "generators": {path: generator}}`.
    static func decode(_ json: JSONValue, at jsonPath: String, defaultIndex: Int) throws(PactError) -> ArrayContainsVariant {
        typealias S = RuleCodingSupport
        let members = try S.object(json, at: jsonPath)
        let index = try S.optionalInt(members, "index", at: jsonPath) ?? defaultIndex
        guard index >= 0 else {
            throw PactError(jsonPath: S.child(jsonPath, "index"), reason: "must not be negative, got \(index)")
        }
        var rules: [String: RuleList] = [:]
        if let value = members["rules"], !value.isNull {
            let rulesPath = S.child(jsonPath, "rules")
            for (key, list) in S.sortedMembers(try S.object(value, at: rulesPath)) {
                let keyPath = S.child(rulesPath, key)
                try S.checkPathExpression(key, at: keyPath)
                rules[key] = try RuleList.decode(list, at: keyPath)
            }
        }
        var generators: [String: Generator] = [:]
        if let value = members["generators"], !value.isNull {
            let generatorsPath = S.child(jsonPath, "generators")
            for (key, generator) in S.sortedMembers(try S.object(value, at: generatorsPath)) {
                let keyPath = S.child(generatorsPath, key)
                try S.checkPathExpression(key, at: keyPath)
                generators[key] = try Generator.decode(generator, at: keyPath)
            }
        }
        return ArrayContainsVariant(index: index, rules: rules, generators: generators)
    }

    var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// Writes `{"generators": …, "index": n, "rules": …}`, each map sorted by path.
    func write<Sink: JSONSink>(to out: inout Sink) {
        out.beginObject()
        out.key("generators")
        out.object(generators) { generator, out in generator.write(to: &out) }
        out.member("index", index)
        out.key("rules")
        out.object(rules) { list, out in list.write(to: &out) }
        out.endObject()
    }
}

extension StatusCodeClass {
    /// The class named as in pact files (`info`, `success`, ...).
    init?(name: String) {
        switch name {
        case "info", "information": self = .information
        case "success": self = .success
        case "redirect": self = .redirect
        case "clientError": self = .clientError
        case "serverError": self = .serverError
        case "nonError": self = .nonError
        case "error": self = .error
        default: return nil
        }
    }

    var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// Writes the class's name, or the array of codes.
    func write<Sink: JSONSink>(to out: inout Sink) {
        switch self {
        case .information: out.string("info")
        case .success: out.string("success")
        case .redirect: out.string("redirect")
        case .clientError: out.string("clientError")
        case .serverError: out.string("serverError")
        case .nonError: out.string("nonError")
        case .error: out.string("error")
        case .codes(let codes):
            out.beginArray()
            for code in codes { out.int(code) }
            out.endArray()
        }
    }
}
