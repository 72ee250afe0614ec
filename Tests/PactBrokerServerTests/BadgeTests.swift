import Foundation
import PactBroker
@testable import PactBrokerServer
import PactModel
import Testing

/// The README badges: a pact's verification status and can-i-deploy, drawn as SVG by the broker.
@Suite struct BadgeTests {
    private struct Badge {
        var status: Int
        var contentType: String?
        var text: String
        /// The badge's accessible label, "left: right".
        var label: String? {
            guard let start = text.range(of: "aria-label=\""), let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(text[start.upperBound..<end])
        }
    }

    private func badge(_ broker: RunningBroker, _ path: String) async throws -> Badge {
        let response = try await broker.client.send("GET", broker.url(path), json: nil, contentType: "application/json", idempotent: true)
        return Badge(status: response.status, contentType: response.contentType, text: String(decoding: response.body, as: UTF8.self))
    }

    @Test func pactBadgeFollowsTheIntegrationsPseudoBranchStatus() async throws {
        try await RunningBroker.with { broker in
            let path = "/pacts/provider/Bar/consumer/Foo/latest/badge"
            #expect(try await badge(broker, path).label == "pact not found: unknown")

            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main")
            let never = try await badge(broker, path)
            #expect(never.status == 200)
            #expect(never.contentType?.hasPrefix("image/svg+xml") == true)
            #expect(never.label == "foo/bar pact: unknown")
            #expect(never.text.contains("#9f9f9f"))

            let first = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(first, providerVersion: "p1", success: true)
            let verified = try await badge(broker, path)
            #expect(verified.label == "foo/bar pact: verified")
            #expect(verified.text.contains("#4c1"))
            #expect(verified.text.hasPrefix("<!-- Foo version 1 revision 1 Bar version p1 number 1 -->\n<svg"))

            // New content: the last success was for the old pact.
            try await broker.publish("Foo", version: "2", providers: ["Bar": "b"], branch: "main")
            #expect(try await badge(broker, path).label == "foo/bar pact: changed")

            let second = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(second, providerVersion: "p2", success: false)
            #expect(try await badge(broker, path).label == "foo/bar pact: failed (pending)")
            try await broker.verify(second, providerVersion: "p3", success: true)
            try await broker.verify(second, providerVersion: "p4", success: false)
            #expect(try await badge(broker, path).label == "foo/bar pact: failed")

            #expect(try await badge(broker, path + "?label=consumer").label == "foo pact: failed")
            #expect(try await badge(broker, path + "?label=provider").label == "bar pact: failed")
        }
    }

    @Test func initialsAndTaggedBadges() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("Foo Thing", version: "1", providers: ["BarService": "a"], tags: ["prod"])
            let initials = try await badge(broker, "/pacts/provider/BarService/consumer/Foo%20Thing/latest/badge?initials=true")
            #expect(initials.label == "ft/bs pact: unknown")
            #expect(try await badge(broker, "/pacts/provider/BarService/consumer/Foo%20Thing/latest/prod/badge").label == "foo thing/barservice pact: unknown")
            #expect(try await badge(broker, "/pacts/provider/BarService/consumer/Foo%20Thing/latest/test/badge").label == "pact not found: unknown")
        }
    }

    @Test func canIDeployBadges() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main", tags: ["main"])
            let path = "/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/prod/badge"
            let no = try await badge(broker, path)
            #expect(no.label == "can-i-deploy: main to prod")
            #expect(no.text.contains("#e05d44"))

            let pact = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(pact, providerVersion: "p1", success: true)
            try await broker.client.recordDeployment(pacticipant: "Bar", version: "p1", environment: "prod")
            let yes = try await badge(broker, path + "?label=deploy")
            #expect(yes.label == "deploy: main to prod")
            #expect(yes.text.contains("#4c1"))

            #expect(try await badge(broker, "/pacticipants/Nope/branches/main/latest-version/can-i-deploy/to-environment/prod/badge").label == "pacticipant: not found")
            #expect(try await badge(broker, "/pacticipants/Foo/branches/feat/latest-version/can-i-deploy/to-environment/prod/badge").label == "branch: not found")
            #expect(try await badge(broker, "/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/nowhere/badge").label == "environment: not found")
            #expect(try await badge(broker, "/pacticipants/Foo/latest-version/main/can-i-deploy/to/prod/badge").label == "can-i-deploy: main to prod")
        }
    }

    @Test func badgeTextIsEscaped() {
        let svg = BadgeSVG(left: "<script>&", right: "\"x\"", colour: .red).svg
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;&amp;"))
    }
}
