import Foundation
import PactConsumer
import PactVerifier
import XCTest

/// docs/messages.md's consumer (asynchronous and synchronous) and provider snippets and `MessagePactBuilder`'s doc comment, compiled; never called
/// (they write `pacts/` and read `pacts/` under the working directory). `CodeEventConsumerTests` and
/// `CodeEventProviderTests` run the same declarations against a temporary folder and the committed pact.
enum MessageDocExamples {
    static func consumerSide() async throws {
        // doc-snippet: docs/messages.md
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes")
        pact.expectsToReceive("an activation code revoked event")
            .given("the activation key H9CW4XBJ6RKP has been revoked")
            .withContents(["code": .regex("[A-Z0-9]{12}", example: "H9CW4XBJ6RKP"),
                           "lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                           "revokedAt": .datetime("yyyy-MM-dd'T'HH:mm:ss", example: "2026-01-05T10:00:00")],
                          contentType: "application/json")
            .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked")])

        let auditLog = RevocationAuditLog()
        try await pact.verifyMessages { message in     // message.contents (bytes), .metadata, .json, .decode(_:)
            try auditLog.handle(message)
        }
        // doc-snippet-end
    }

    static func synchronousConsumerSide() async throws {
        // doc-snippet: docs/messages.md
        let pact = MessagePactBuilder(consumer: "codes-client", provider: "data-lpa-codes")
        pact.synchronousMessage("a code check")
            .given("the activation key H9CW4XBJ6RKP exists")
            .withRequest(contents: ["code": .regex("[A-Z0-9]{12}", example: "H9CW4XBJ6RKP")], metadata: ["replyTo": "code-checks"])
            .willRespondWith(contents: ["valid": .boolean(true), "lpa": .regex(#"7\d{11}"#, example: "700000000047")])

        let client = CodeCheckClient()
        try await pact.verifySynchronousMessages { exchange in   // exchange.request, .response (the first), .responses
            XCTAssertEqual(try client.request(code: "H9CW4XBJ6RKP").json, exchange.request.json)   // what the client sends
            XCTAssertEqual(try client.lpa(from: exchange.response), "700000000047")                 // how it reads the reply
        }
        // doc-snippet-end
    }

    static func providerSide(publisher: CodeEventPublisher) async throws {
        // doc-snippet: docs/messages.md
        var configuration = VerifierConfiguration(providerBaseURL: URL(string: "http://localhost")!, providerName: "data-lpa-codes")
        configuration.messages.producers = [
            "an activation code revoked event": MessageProducer { _ in
                try publisher.revokedEvent(code: "H9CW4XBJ6RKP", lpa: "700000000047", at: Date())   // a MessagePayload
            },
        ]
        let report = await (try Verifier(configuration: configuration)).verify([.directory(URL(fileURLWithPath: "pacts"))])
        // doc-snippet-end
        _ = report
    }

    static func messagePactBuilderDocComment(auditLog: RevocationAuditLog) async throws {
        // doc-snippet: Sources/PactConsumer/Messages/MessagePactBuilder.swift
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes")
        pact.expectsToReceive("an activation code revoked event")
            .given("the activation key H9CW4XBJ6RKP exists")
            .withContents(["code": "H9CW4XBJ6RKP", "lpa": "700000000047",
                           "revokedAt": .datetime("yyyy-MM-dd'T'HH:mm:ss", example: "2026-01-05T10:00:00")])
            .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked")])
        try await pact.verifyMessages { message in
            try auditLog.handle(message)
        }
        // doc-snippet-end
    }
}
