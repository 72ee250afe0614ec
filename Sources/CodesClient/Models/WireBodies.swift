/// The exact JSON bodies of the codes API (SPEC.md §2), including its unusual keys.
enum Wire {
    struct Create: Encodable { var lpas: [CodeRequest] }
    struct Created: Decodable { var codes: [CreatedCode]? }

    struct Validate: Encodable { var lpa, dob, code: String }
    struct Validated: Decodable {
        var actor: String?
        var hasPaperVerificationCode: Bool?
        enum CodingKeys: String, CodingKey {
            case actor
            case hasPaperVerificationCode = "has_paper_verification_code"
        }
    }

    struct Code: Encodable { var code: String }
    struct Revoked: Decodable {
        var count: Int
        enum CodingKeys: String, CodingKey { case count = "codes revoked" }
    }

    struct Exists: Encodable { var lpa, actor: String }
    struct ExistsAnswer: Decodable {
        var created: String?
        enum CodingKeys: String, CodingKey { case created = "Created" }
    }

    struct PaperCreate: Encodable { var lpa, actor: String }

    struct ExpireByCode: Encodable {
        var code: String
        var reason: PaperVerificationCodeExpiryReason
        enum CodingKeys: String, CodingKey {
            case code
            case reason = "expiry_reason"
        }
    }
    struct ExpireByActor: Encodable {
        var lpa, actor: String
        var reason: PaperVerificationCodeExpiryReason
        enum CodingKeys: String, CodingKey {
            case lpa, actor
            case reason = "expiry_reason"
        }
    }
    struct Expired: Decodable {
        var expiryDate: String
        enum CodingKeys: String, CodingKey { case expiryDate = "expiry_date" }
    }
}
