import Foundation
import PactConsumer
import PactModel
import XCTest

/// Paths, queries, headers, body kinds, statuses and interaction metadata become the right model values and rules.
final class PartDeclarationTests: XCTestCase {
    func testPlainPathAndPathMatcher() throws {
        XCTAssertEqual(declaredRequest(.get, "/users/1").request?.path, "/users/1")
        let (request, errors) = declaredRequest(.get, .regex(#"/users/\d+"#, example: "/users/42"))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(request?.path, "/users/42")
        XCTAssertEqual(request?.matchingRules[.path][""]?.rules, [.regex(#"/users/\d+"#)])
        let generated = declaredRequest(.get, .fromProviderState("/users/${id}", example: "/users/42")).request
        XCTAssertEqual(generated?.generators[.path][""], .providerState(expression: "/users/${id}", dataType: "STRING"))
    }

    func testQueryWithRepeatedKeysAndMatchers() throws {
        let (request, errors) = declaredRequest(.get, "/search", query: [
            "q": "swift pact",
            "tag": ["a", "b"],
            "page": .regex(#"\d+"#, example: "2"),
            "ids": .eachLike(.regex(#"\d+"#, example: "7"), min: 2),
            "flag": nil,
        ])
        XCTAssertEqual(errors, [])
        let request_ = try XCTUnwrap(request)
        XCTAssertEqual(request_.query, [
            QueryParameter(name: "flag", values: [nil]),
            QueryParameter(name: "ids", values: ["7", "7"]),
            QueryParameter(name: "page", values: ["2"]),
            QueryParameter(name: "q", values: ["swift pact"]),
            QueryParameter(name: "tag", values: ["a", "b"]),
        ])
        XCTAssertEqual(request_.matchingRules[.query]["page"]?.rules, [.regex(#"\d+"#)])
        XCTAssertEqual(request_.matchingRules[.query]["ids"]?.rules, [.minType(2), .regex(#"\d+"#)])
        XCTAssertNil(request_.matchingRules[.query]["tag"])
    }

    func testHeadersWithMatchersAndSeveralValues() throws {
        let (request, errors) = declaredRequest(.get, "/", headers: [
            "Authorization": .regex("Bearer .+", example: "Bearer abc"),
            "Accept": ["application/json", "text/plain"],
            "X-Request-Id": .uuid(),
        ])
        XCTAssertEqual(errors, [])
        let request_ = try XCTUnwrap(request)
        XCTAssertEqual(request_.headers["Authorization"], ["Bearer abc"])
        XCTAssertEqual(request_.headers["Accept"], ["application/json", "text/plain"])
        XCTAssertEqual(request_.matchingRules[.header]["Authorization"]?.rules, [.regex("Bearer .+")])
        XCTAssertEqual(request_.generators[.header]["X-Request-Id"], .uuid(format: .lowerCaseHyphenated))
        XCTAssertNil(request_.headers["Content-Type"], "no body, no content type")
    }

    func testJSONBodyAddsContentTypeAndKeepsADeclaredOne() throws {
        let plain = try XCTUnwrap(declaredRequest(body: ["a": 1]).request)
        XCTAssertEqual(plain.headers["Content-Type"], ["application/json"])
        XCTAssertEqual(plain.body, .json(["a": 1], contentType: .json))
        let vendor = try XCTUnwrap(declaredRequest(headers: ["Content-Type": "application/vnd.api+json"], body: ["a": 1]).request)
        XCTAssertEqual(vendor.headers["Content-Type"], ["application/vnd.api+json"])
        XCTAssertEqual(vendor.body.contentType?.essence, "application/vnd.api+json")
    }

    func testTextFormAndBinaryBodies() throws {
        let text = try XCTUnwrap(declaredRequest(body: "hello").request)
        XCTAssertEqual(text.body, .text("hello", contentType: .plainText))
        XCTAssertEqual(text.headers["Content-Type"], ["text/plain"])

        let matchedText = try XCTUnwrap(declaredRequest(body: .text(.regex("hel+o", example: "hello"))).request)
        XCTAssertEqual(matchedText.matchingRules[.body]["$"]?.rules, [.regex("hel+o")])

        let form = try XCTUnwrap(declaredRequest(body: .form([
            "name": "Ada Lovelace", "tags": ["a", "b&c"], "age": .regex(#"\d+"#, example: "36"),
        ])).request)
        XCTAssertEqual(form.body, .text("age=36&name=Ada+Lovelace&tags=a&tags=b%26c", contentType: .formURLEncoded))
        XCTAssertEqual(form.headers["Content-Type"], ["application/x-www-form-urlencoded"])
        XCTAssertEqual(form.matchingRules[.body]["$.age"]?.rules, [.regex(#"\d+"#)])

        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
        let binary = try XCTUnwrap(declaredRequest(body: .binary(bytes, contentType: "image/png", matchContentTypeOnly: true)).request)
        XCTAssertEqual(binary.body, .binary(bytes, contentType: ContentType("image/png")))
        XCTAssertEqual(binary.matchingRules[.body]["$"]?.rules, [.contentType("image/png")])

        let empty = try XCTUnwrap(declaredRequest(body: .empty).request)
        XCTAssertEqual(empty.body, .empty)
    }

    func testMethodNames() {
        XCTAssertEqual(declaredRequest(.delete).request?.method, "DELETE")
        XCTAssertEqual(declaredRequest("purge").request?.method, "PURGE")
    }

    func testStatusPlainAndStatusClass() throws {
        XCTAssertEqual(declaredResponse(.empty, status: 204).response?.status, 204)
        let (response, errors) = declaredResponse(.empty, status: .status(.success, example: 201))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(response?.status, 201)
        XCTAssertEqual(response?.matchingRules[.status][""]?.rules, [.statusCode(.success)])
        let codes = declaredResponse(.empty, status: .status(.codes([200, 202]), example: 202)).response
        XCTAssertEqual(codes?.matchingRules[.status][""]?.rules, [.statusCode(.codes([200, 202]))])
    }

    func testStatesDescriptionPendingCommentsAndTestName() throws {
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        pact.uponReceiving("a request for a user")
            .given("a user exists", ["id": 1])
            .given("the user is an admin")
            .withRequest(.get, "/users/1")
            .willRespondWith(status: 200)
            .pending()
            .comment("first")
            .comment("second")
        let interaction = try XCTUnwrap(pact.interactions.first)
        XCTAssertEqual(interaction.info.description, "a request for a user")
        XCTAssertEqual(interaction.info.providerStates, [
            ProviderState(name: "a user exists", params: ["id": 1]), ProviderState(name: "the user is an admin"),
        ])
        XCTAssertTrue(interaction.info.pending)
        XCTAssertEqual(interaction.info.comments["text"], ["first", "second"])
        XCTAssertEqual(interaction.info.comments["testname"], "testStatesDescriptionPendingCommentsAndTestName()",
                       "the test name defaults to the running test")

        pact.uponReceiving("another").withRequest(.get, "/").testName("custom name")
        XCTAssertEqual(pact.interactions.last?.info.comments["testname"], "custom name")
    }

    func testSeveralInteractionsAndBuilders() {
        let first = PactBuilder(consumer: "c", provider: "p1", reporter: CollectingFailureReporter())
        let second = PactBuilder(consumer: "c", provider: "p2", reporter: CollectingFailureReporter())
        first.uponReceiving("one").withRequest(.get, "/1")
        first.uponReceiving("two").withRequest(.get, "/2")
        second.uponReceiving("three").withRequest(.get, "/3")
        XCTAssertEqual(first.interactions.map(\.info.description), ["one", "two"])
        XCTAssertEqual(second.interactions.map(\.request.path), ["/3"])
    }

    func testV3BuilderWritesNoTestNameComment() {
        let pact = PactBuilder(consumer: "c", provider: "p", specVersion: .v3, reporter: CollectingFailureReporter())
        pact.uponReceiving("x").withRequest(.get, "/")
        XCTAssertEqual(pact.interactions.first?.info.comments, [:])
        XCTAssertEqual(pact.usageErrors, [])
    }
}
