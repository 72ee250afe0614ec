import Foundation
import PactModel

/// The event the codes service publishes when an activation code is revoked.
struct CodeRevokedEvent: Codable, Equatable, Sendable {
    var code: String
    var lpa: String
    var revokedAt: String
}

/// The consumer's code: an audit log that records revocations it reads from the `codes.*` topics.
final class RevocationAuditLog: Sendable {
    struct UnexpectedTopic: Error, CustomStringConvertible {
        var topic: String
        var description: String { "the audit log does not read topic '\(topic)'" }
    }

    private let recorded = Locked<[String]>([])

    /// Every revocation recorded so far, one line each.
    var lines: [String] { recorded.withLock { $0 } }

    /// Records the revocation in `message`; throws for another topic or contents that are not a revocation.
    func handle(_ message: MessagePayload) throws {
        let topic = message.metadata["topic"]?.stringValue ?? ""
        guard topic.hasPrefix("codes.") else { throw UnexpectedTopic(topic: topic) }
        let event = try message.decode(CodeRevokedEvent.self)
        recorded.withLock { $0.append("\(event.revokedAt) LPA \(event.lpa): code \(event.code) revoked") }
    }
}

/// The provider's code: builds the message the codes service publishes when a code is revoked.
struct CodeEventPublisher: Sendable {
    /// The field name of the LPA reference; a provider that renames it breaks its consumers.
    var lpaField = "lpa"

    func revokedEvent(code: String, lpa: String, at date: Date) throws -> MessagePayload {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        var fields: [String: String] = ["code": code, "revokedAt": formatter.string(from: date)]
        fields[lpaField] = lpa
        return MessagePayload(contents: try JSONEncoder().encode(fields),
                              metadata: ["contentType": "application/json", "topic": "codes.revoked"])
    }
}

/// The answer the codes service gives to a code check sent over the message broker.
struct CodeCheckReply: Codable, Equatable, Sendable {
    var valid: Bool
    var lpa: String
}

/// The consumer's code for the synchronous exchange: it sends a code check and reads the codes service's reply.
struct CodeCheckClient: Sendable {
    struct InvalidCode: Error, CustomStringConvertible {
        var description: String { "the codes service says the code is not valid" }
    }

    /// The request message asking whether `code` is valid.
    func request(code: String) throws -> MessagePayload {
        MessagePayload(contents: try JSONEncoder().encode(["code": code]),
                       metadata: ["contentType": "application/json", "replyTo": "code-checks"])
    }

    /// The LPA the reply names; throws when the code is not valid or the reply is not a code check reply.
    func lpa(from reply: MessagePayload) throws -> String {
        let answer = try reply.decode(CodeCheckReply.self)
        guard answer.valid else { throw InvalidCode() }
        return answer.lpa
    }
}
