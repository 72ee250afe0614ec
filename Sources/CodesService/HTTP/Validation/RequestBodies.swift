import Foundation

/// The request bodies of each endpoint, checked against the OpenAPI schemas (lpa-codes-openapi-v1.yml) and turned
/// into typed values. Any problem throws `BadRequest` naming the fields and reasons.
enum RequestBodies {
    struct Validate: Sendable { var lpa, dob, code: String }
    struct Exists: Sendable { var lpa, actor: String }
    struct PaperCreate: Sendable { var lpa, actor: String }
    struct Expire: Sendable { var target: PaperCodeService.Target; var reason: ExpiryReason }

    private static let createEntry = ObjectSchema(
        [("lpa", .lpa), ("actor", .actor), ("dob", .date)], required: ["lpa", "actor", "dob"])
    private static let validate = ObjectSchema(
        [("lpa", .lpa), ("dob", .date), ("code", .activationCode)], required: ["lpa", "dob", "code"])
    private static let activationCode = ObjectSchema([("code", .activationCode)], required: ["code"])
    private static let exists = ObjectSchema([("lpa", .lpa), ("actor", .actor)], required: ["lpa", "actor"])
    private static let paperCreate = ObjectSchema(
        [("lpa", .lpaStoreUID), ("actor", .uuid)], required: ["lpa", "actor"])
    private static let paperCode = ObjectSchema([("code", .paperCode)], required: ["code"])
    private static let reason = StringRule.oneOf(ExpiryReason.allCases.map(\.rawValue))
    private static let expireByCode = ObjectSchema(
        [("code", .paperCode), ("expiry_reason", reason)], required: ["code", "expiry_reason"])
    private static let expireByActor = ObjectSchema(
        [("lpa", .lpaStoreUID), ("actor", .uuid), ("expiry_reason", reason)], required: ["lpa", "actor", "expiry_reason"])

    /// `{"lpas":[{lpa, actor, dob}, …]}`.
    static func create(_ body: Data) throws(BadRequest) -> [ActivationCodeService.NewCode] {
        let value = try parse(body)
        var problems: [ValidationProblem] = []
        guard case .object(let members, let keys) = value else { throw notAnObject(value) }
        var entries: [ActivationCodeService.NewCode] = []
        switch members["lpas"] {
        case nil:
            problems.append(ValidationProblem("$.lpas", "required field is missing"))
        case .array(let items)?:
            for (offset, item) in items.enumerated() {
                if let fields = createEntry.check(item, at: "$.lpas[\(offset)]", problems: &problems),
                   let lpa = fields["lpa"], let actor = fields["actor"], let dob = fields["dob"] {
                    entries.append(.init(lpa: lpa, actor: actor, dob: dob))
                }
            }
        case let other?:
            problems.append(ValidationProblem("$.lpas", "must be an array, got \(other.typeName)"))
        }
        for key in keys where key != "lpas" {
            problems.append(ValidationProblem("$.\(key)", "unknown field (allowed: lpas)"))
        }
        guard problems.isEmpty else { throw BadRequest(problems: problems) }
        return entries
    }

    static func validate(_ body: Data) throws(BadRequest) -> Validate {
        let fields = try check(body, validate)
        return Validate(lpa: fields["lpa"] ?? "", dob: fields["dob"] ?? "", code: fields["code"] ?? "")
    }

    /// `{"code": …}` for /revoke and /code.
    static func activationCode(_ body: Data) throws(BadRequest) -> String {
        try check(body, activationCode)["code"] ?? ""
    }

    static func exists(_ body: Data) throws(BadRequest) -> Exists {
        let fields = try check(body, exists)
        return Exists(lpa: fields["lpa"] ?? "", actor: fields["actor"] ?? "")
    }

    static func paperCreate(_ body: Data) throws(BadRequest) -> PaperCreate {
        let fields = try check(body, paperCreate)
        return PaperCreate(lpa: fields["lpa"] ?? "", actor: fields["actor"] ?? "")
    }

    static func paperCode(_ body: Data) throws(BadRequest) -> String {
        try check(body, paperCode)["code"] ?? ""
    }

    /// `oneOf` ExpireCodeByCode / ExpireCodeByActorLpaKey: a body with `code` is checked as the first, any other
    /// as the second, so the problems name the fields of the form the caller evidently meant.
    static func expire(_ body: Data) throws(BadRequest) -> Expire {
        let value = try parse(body)
        guard case .object(let members, _) = value else { throw notAnObject(value) }
        let byCode = members["code"] != nil
        var problems: [ValidationProblem] = []
        let fields = (byCode ? expireByCode : expireByActor).check(value, at: "$", problems: &problems)
        guard let fields, let reason = fields["expiry_reason"].flatMap(ExpiryReason.init(rawValue:)) else {
            throw BadRequest(problems: problems)
        }
        let target: PaperCodeService.Target = byCode
            ? .code(fields["code"] ?? "")
            : .actor(lpa: fields["lpa"] ?? "", actor: fields["actor"] ?? "")
        return Expire(target: target, reason: reason)
    }

    private static func check(_ body: Data, _ schema: ObjectSchema) throws(BadRequest) -> [String: String] {
        let value = try parse(body)
        var problems: [ValidationProblem] = []
        guard let fields = schema.check(value, at: "$", problems: &problems) else { throw BadRequest(problems: problems) }
        return fields
    }

    /// Parses the body as JSON; an empty or malformed body is a bad request, never a server error.
    static func parse(_ body: Data) throws(BadRequest) -> JSONInput {
        guard !body.isEmpty else {
            throw BadRequest(problems: [ValidationProblem("body", "is empty; expected a JSON object")])
        }
        do {
            return try JSONInputParser.parse(body)
        } catch {
            throw BadRequest(problems: [ValidationProblem("body", "is not valid JSON: \(error)")])
        }
    }

    private static func notAnObject(_ value: JSONInput) -> BadRequest {
        BadRequest(problems: [ValidationProblem("$", "must be an object, got \(value.typeName)")])
    }
}
