import Foundation
import PactModel
import PactOpenAPI

/// A validated `POST /provider-contracts/provider/{provider}/publish` body (PactFlow's API, as the Ruby and Rust
/// clients send it): the provider version, its branch and tags, and the contract with its self-verification.
struct ProviderContractSubmission: Sendable {
    var provider: String
    var versionNumber: String
    var branch: String?
    var tags: [String]
    var buildURL: String?
    /// The document's text, decoded from Base64.
    var content: String
    var contentType: String
    var specification: String
    /// The document as `OpenAPIDocumentReader` read it.
    var document: OpenAPIDocument
    /// False when the self-verification failed or no self-verification results were published.
    var selfVerificationSuccess: Bool
    /// Whether the body had `selfVerificationResults` at all.
    var selfVerificationPublished: Bool
    var selfVerificationContent: String?
    var selfVerificationContentType: String?
    var selfVerificationFormat: String?
    var verifier: String?
    var verifierVersion: String?

    /// Validates `body`; throws 400 with every problem, each under its field's path (`contract.content`, …).
    static func parse(_ body: [String: JSONValue], provider: String) throws(APIError) -> ProviderContractSubmission {
        var errors: [String: [String]] = [:]
        func fail(_ key: String, _ message: String) { errors[key, default: []].append(message) }
        func optionalString(_ object: [String: JSONValue], _ key: String, path: String) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { fail(path, "must be a string"); return nil }
            return text
        }

        var number: String?
        switch body["pacticipantVersionNumber"] {
        case nil, .null?: fail("pacticipantVersionNumber", "is missing")
        case let value?:
            if let text = value.stringValue {
                if text.isEmpty { fail("pacticipantVersionNumber", "can't be blank") } else { number = text }
            } else {
                fail("pacticipantVersionNumber", "must be a string")
            }
        }
        let branch = optionalString(body, "branch", path: "branch")
        if branch?.isEmpty == true { fail("branch", "can't be blank") }
        let buildURL = optionalString(body, "buildUrl", path: "buildUrl")
        var tags: [String] = []
        if let raw = body["tags"], !raw.isNull {
            if let items = raw.arrayValue, items.allSatisfy({ $0.stringValue?.isEmpty == false }) {
                tags = items.compactMap(\.stringValue)
            } else {
                fail("tags", "must be an array of non-empty strings")
            }
        }

        var content: String?, document: OpenAPIDocument?, contentType = "", specification = ""
        var verification: [String: JSONValue]?
        if let contract = body["contract"]?.objectValue?.dictionary {
            specification = optionalString(contract, "specification", path: "contract.specification") ?? ""
            if specification.isEmpty {
                fail("contract.specification", "is missing")
            } else if specification != "oas" {
                fail("contract.specification", "must be 'oas' (an OpenAPI document); '\(specification)' is not supported")
            }
            contentType = optionalString(contract, "contentType", path: "contract.contentType") ?? ""
            if contentType.isEmpty {
                fail("contract.contentType", "is missing")
            } else if !["yaml", "yml", "json"].contains(where: { contentType.lowercased().contains($0) }) {
                fail("contract.contentType", "must be a YAML or JSON media type (application/yaml, application/json); got '\(contentType)'")
            }
            switch contract["content"] {
            case nil, .null?: fail("contract.content", "is missing")
            case let value?:
                if let encoded = value.stringValue, let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) {
                    if let text = String(data: data, encoding: .utf8), !text.isEmpty {
                        content = text
                    } else {
                        fail("contract.content", data.isEmpty ? "can't be blank" : "must be UTF-8 text once Base64 decoded")
                    }
                } else {
                    fail("contract.content", "must be the Base64 encoded OpenAPI document")
                }
            }
            if let content, specification == "oas" {
                do {
                    document = try OpenAPIDocumentReader.read(text: content, name: "contract.content")
                } catch {
                    // The field is named once, by the error's key; the reader's position follows as line:column.
                    let position = error.line.map { line in error.column.map { "line \(line):\($0): " } ?? "line \(line): " } ?? ""
                    fail("contract.content", "is not a readable OpenAPI document: \(position)\(error.reason)")
                }
            }
            if let raw = contract["selfVerificationResults"], !raw.isNull {
                if let object = raw.objectValue?.dictionary {
                    verification = object
                    if object["success"]?.boolValue == nil { fail("contract.selfVerificationResults.success", "must be true or false") }
                    if let encoded = object["content"], !encoded.isNull,
                       encoded.stringValue.flatMap({ Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }) == nil {
                        fail("contract.selfVerificationResults.content", "must be Base64 encoded")
                    }
                    for key in ["contentType", "format", "verifier", "verifierVersion"] {
                        _ = optionalString(object, key, path: "contract.selfVerificationResults.\(key)")
                    }
                } else {
                    fail("contract.selfVerificationResults", "must be an object")
                }
            }
        } else {
            fail("contract", body["contract"] == nil ? "is missing" : "must be an object")
        }
        guard errors.isEmpty, let number, let content, let document else { throw APIError.badRequest(errors) }
        let report = verification?["content"]?.stringValue
            .flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }
            .map { String(decoding: $0, as: UTF8.self) }
        return ProviderContractSubmission(
            provider: provider, versionNumber: number, branch: branch, tags: tags, buildURL: buildURL, content: content,
            contentType: contentType, specification: specification, document: document,
            selfVerificationSuccess: verification?["success"]?.boolValue ?? false,
            selfVerificationPublished: verification != nil, selfVerificationContent: report,
            selfVerificationContentType: verification?["contentType"]?.stringValue,
            selfVerificationFormat: verification?["format"]?.stringValue, verifier: verification?["verifier"]?.stringValue,
            verifierVersion: verification?["verifierVersion"]?.stringValue)
    }
}
