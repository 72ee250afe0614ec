import Foundation
import PactBrokerServer
import XCTest

final class WebhookUpdateTests: XCTestCase {
    private let existing = WebhookDefinition(
        uuid: "abcdefghijklmnop1234",
        request: WebhookRequestTemplate(
            method: "POST", url: "https://ci.org/",
            headers: [WebhookHeader(name: "Authorization", value: "Bearer real"), WebhookHeader(name: "X-Plain", value: "p")],
            username: "u", password: "real-password"))

    func testStarredSecretsSentBackKeepTheStoredOnes() {
        var update = existing
        update.request.password = "**********"
        update.request.headers = [
            WebhookHeader(name: "authorization", value: "**********"), WebhookHeader(name: "X-Plain", value: "new"),
            WebhookHeader(name: "X-Unknown", value: "***"),
        ]
        let merged = update.keepingRedactedSecrets(of: existing)
        XCTAssertEqual(merged.request.password, "real-password")
        XCTAssertEqual(merged.request.headers, [
            WebhookHeader(name: "authorization", value: "Bearer real"), WebhookHeader(name: "X-Plain", value: "new"),
        ])
    }

    func testAbsentPasswordKeepsTheStoredOneAndANewOneReplacesIt() {
        var update = existing
        update.request.password = nil
        XCTAssertEqual(update.keepingRedactedSecrets(of: existing).request.password, "real-password")
        update.request.password = "changed"
        XCTAssertEqual(update.keepingRedactedSecrets(of: existing).request.password, "changed")
    }

    func testStatusSummary() {
        func triggered(_ status: TriggeredWebhook.Status) -> TriggeredWebhook {
            TriggeredWebhook(
                uuid: UUID().uuidString, webhookUUID: "w", eventName: .contractPublished, triggerType: .resourceCreation,
                context: WebhookTemplateContext(), status: status, createdAt: Date())
        }
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 0, latestTriggered: []), .none)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 1, latestTriggered: []), .notRun)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 2, latestTriggered: [triggered(.notRun)]), .notRun)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 2, latestTriggered: [triggered(.success), triggered(.retrying)]), .retrying)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 2, latestTriggered: [triggered(.success), triggered(.success)]), .success)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 2, latestTriggered: [triggered(.success), triggered(.failure)]), .failure)
        XCTAssertEqual(WebhookStatusSummary(webhookCount: 2, latestTriggered: [triggered(.success), triggered(.notRun)]), .failure)
    }
}
