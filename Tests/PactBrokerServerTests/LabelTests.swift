import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// Pacticipant labels over HTTP, in pact_broker's shapes (`Label`, `PacticipantsForLabel`, `Labels`, the labels
/// embedded in a pacticipant and its `pb:label` relation).
@Suite struct LabelTests {
    @Test func labelsAreCreatedReadListedAndDeleted() async throws {
        try await RunningBroker.with { broker in
            let base = broker.url.absoluteString
            // PUT creates the pacticipant when it is missing, and the label: 201 with a Location.
            let created = try await rawRequest(broker, "PUT", "/pacticipants/Foo/labels/team-a", body: "{}")
            #expect(created.status == 201)
            #expect(created.headers.first { $0.name.lowercased() == "location" }?.value == base + "/pacticipants/Foo/labels/team-a")
            let label = try JSONParser.parse(Data(created.text.utf8))
            #expect(label["name"] == "team-a")
            #expect(label["createdAt"]?.stringValue?.isEmpty == false)
            #expect(label["_links"]?["self"] == ["title": "Label", "name": "team-a", "href": .string(base + "/pacticipants/Foo/labels/team-a")])
            #expect(label["_links"]?["pacticipant"] == ["title": "Pacticipant", "name": "Foo", "href": .string(base + "/pacticipants/Foo")])

            // Again: 200, the same label.
            let again = await broker.call("PUT", "/pacticipants/Foo/labels/team-a")
            #expect(again.status == 200)
            #expect(again.json?["createdAt"] == label["createdAt"])

            let read = await broker.call("GET", "/pacticipants/Foo/labels/team-a")
            #expect(read.status == 200)
            #expect(read.json?["name"] == "team-a")
            #expect(await broker.call("GET", "/pacticipants/Foo/labels/nope").status == 404)
            #expect(await broker.call("GET", "/pacticipants/Nobody/labels/team-a").status == 404)

            #expect(await broker.call("PUT", "/pacticipants/Foo/labels/android").status == 201)
            #expect(await broker.call("PUT", "/pacticipants/Bar/labels/team-a").status == 201)
            #expect(await broker.call("POST", "/pacticipants", json: ["name": "Baz"]).status == 201)

            // The pacticipant embeds its labels and links to them.
            let foo = await broker.call("GET", "/pacticipants/Foo")
            let embedded = foo.json?["_embedded"]?["labels"]?.arrayValue ?? []
            #expect(embedded.compactMap { $0["name"]?.stringValue } == ["android", "team-a"])
            #expect(embedded.last?["_links"]?["self"] == ["title": "Label", "name": "team-a", "href": .string(base + "/pacticipants/Foo/labels/team-a")])
            #expect(foo.json?["_links"]?["pb:label"] == [
                "title": "Get, create or delete a label for Foo", "href": .string(base + "/pacticipants/Foo/labels/{label}"),
                "templated": true,
            ])
            let baz = await broker.call("GET", "/pacticipants/Baz")
            #expect(baz.json?["_embedded"]?["labels"] == .array([]))

            // The pacticipants carrying a label.
            let teamA = await broker.call("GET", "/pacticipants/label/team-a")
            #expect(teamA.status == 200)
            #expect(teamA.json?["_embedded"]?["pacticipants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Bar", "Foo"])
            #expect(teamA.json?["_links"]?["pb:pacticipants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Bar", "Foo"])
            #expect(teamA.json?["_links"]?["pb:pacticipants-with-label"]?["href"] == .string(base + "/pacticipants/label/{label}"))
            let none = await broker.call("GET", "/pacticipants/label/nobody-has-this")
            #expect(none.status == 200)
            #expect(none.json?["_embedded"]?["pacticipants"] == .array([]))
            let all = await broker.call("GET", "/pacticipants")
            #expect(all.json?["_links"]?["pb:pacticipants-with-label"]?["templated"] == true)

            // Every distinct label name.
            let names = await broker.call("GET", "/labels")
            #expect(names.json?["_embedded"]?["labels"] == [["name": "android"], ["name": "team-a"]])
            #expect(names.json?["_links"]?["self"] == ["title": "Labels", "href": .string(base + "/labels")])

            // DELETE: 204, then 404.
            #expect(await broker.call("DELETE", "/pacticipants/Foo/labels/team-a").status == 204)
            #expect(await broker.call("DELETE", "/pacticipants/Foo/labels/team-a").status == 404)
            #expect(await broker.call("GET", "/pacticipants/Foo/labels/team-a").status == 404)
            #expect(await broker.call("DELETE", "/pacticipants/Nobody/labels/team-a").status == 404)
            let after = await broker.call("GET", "/pacticipants/label/team-a")
            #expect(after.json?["_embedded"]?["pacticipants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Bar"])
            #expect(await broker.call("POST", "/pacticipants/Foo/labels/x").status == 405)
        }
    }

    /// pact_broker finds labels with `Sequel.name_like`, an exact match under its default
    /// `use_case_sensitive_resource_names = true`, and selects webhooks by label with `==`: a label's case matters.
    @Test func labelNamesMatchWithTheirCase() async throws {
        try await RunningBroker.with { broker in
            #expect(await broker.call("PUT", "/pacticipants/Foo/labels/team-a").status == 201)
            #expect(await broker.call("GET", "/pacticipants/Foo/labels/Team-A").status == 404)
            #expect(await broker.call("DELETE", "/pacticipants/Foo/labels/TEAM-A").status == 404)
            let none = await broker.call("GET", "/pacticipants/label/TEAM-A")
            #expect(none.status == 200)
            #expect(none.json?["_embedded"]?["pacticipants"] == .array([]))
            // Another case is another label.
            let upper = await broker.call("PUT", "/pacticipants/Foo/labels/Team-A")
            #expect(upper.status == 201)
            #expect(upper.json?["name"] == "Team-A")
            let foo = await broker.call("GET", "/pacticipants/Foo")
            #expect(foo.json?["_embedded"]?["labels"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Team-A", "team-a"])
            #expect(await broker.call("DELETE", "/pacticipants/Foo/labels/Team-A").status == 204)
            #expect(await broker.call("GET", "/pacticipants/Foo/labels/team-a").status == 200)
        }
    }

    @Test func labelsPersistInSQLite() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-labels-\(UUID().uuidString).sqlite3").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await RunningBroker.with(store: try SQLiteBrokerStore(path: path)) { broker in
            #expect(await broker.call("PUT", "/pacticipants/Foo/labels/team-a").status == 201)
        }
        try await RunningBroker.with(store: try SQLiteBrokerStore(path: path)) { broker in
            let foo = await broker.call("GET", "/pacticipants/Foo")
            #expect(foo.json?["_embedded"]?["labels"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["team-a"])
        }
    }
}
