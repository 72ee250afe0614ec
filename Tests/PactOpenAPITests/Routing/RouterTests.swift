import Foundation
import PactModel
import PactOpenAPI
import TestSupport
import XCTest

/// `OpenAPIRouter`: the index of path templates the comparator routes every interaction through.
final class RouterTests: XCTestCase {
    /// A document with `templates`, each with a `get` (and a `post` on those listed in `posts`), under `base`.
    private func document(_ templates: [String], posts: Set<String> = [], base: String = "/api/v1") throws -> OpenAPIDocument {
        var paths: [String: JSONValue] = [:]
        for template in templates {
            var item: [String: JSONValue] = ["get": ["responses": ["200": ["description": "ok"]]]]
            if posts.contains(template) { item = ["post": ["responses": ["201": ["description": "created"]]]] }
            paths[template] = .object(item)
        }
        let root: JSONValue = [
            "openapi": "3.0.3", "info": ["title": "routes", "version": "1"],
            "servers": [["url": .string("https://example.com" + base + "/")]], "paths": .object(paths),
        ]
        return try OpenAPIDocumentReader.read(text: JSONWriter.compact(root), name: "routes.json")
    }

    private func templates(_ router: OpenAPIRouter, _ path: String) -> [String] { router.matches(path).map(\.pathTemplate) }

    func testMoreLiteralSegmentsComeFirst() throws {
        let router = OpenAPIRouter(document: try document(["/{kind}/{id}", "/pets/{id}", "/{kind}/mine", "/pets/mine", "/pets"]))
        XCTAssertEqual(templates(router, "/api/v1/pets/mine"), ["/pets/mine", "/pets/{id}", "/{kind}/mine", "/{kind}/{id}"])
        XCTAssertEqual(templates(router, "/api/v1/pets/12"), ["/pets/{id}", "/{kind}/{id}"])
        XCTAssertEqual(templates(router, "/api/v1/cats/mine"), ["/{kind}/mine", "/{kind}/{id}"])
        XCTAssertEqual(router.matches("/api/v1/cats/12").first?.parameters, ["kind": "cats", "id": "12"])
        XCTAssertEqual(templates(router, "/api/v1/pets"), ["/pets"])
        XCTAssertEqual(templates(router, "/api/v1/pets/mine/extra"), [], "segment counts must agree")
    }

    func testTextBesideParametersComesBeforeABareParameter() throws {
        let router = OpenAPIRouter(document: try document(["/files/{id}", "/files/{name}.{ext}", "/files/v{major}.{minor}"]))
        XCTAssertEqual(router.matches("/api/v1/files/report.tar.gz"), [
            OpenAPIPathMatch(pathTemplate: "/files/{name}.{ext}", parameters: ["name": "report", "ext": "tar.gz"]),
            OpenAPIPathMatch(pathTemplate: "/files/{id}", parameters: ["id": "report.tar.gz"]),
        ])
        XCTAssertEqual(router.matches("/api/v1/files/v1.2").first, OpenAPIPathMatch(pathTemplate: "/files/v{major}.{minor}", parameters: ["major": "1", "minor": "2"]))
        XCTAssertEqual(templates(router, "/api/v1/files/plain"), ["/files/{id}"])
    }

    func testParametersInsideOneSegment() throws {
        let router = OpenAPIRouter(document: try document(["/exports/{year}-{month}", "/x/{a}{b}", "/y/{id}.json", "/z/{a}-{b}.{c}"]))
        XCTAssertEqual(router.matches("/api/v1/exports/2026-11").first?.parameters, ["year": "2026", "month": "11"])
        XCTAssertEqual(router.matches("/api/v1/exports/2026-11-30").first?.parameters, ["year": "2026", "month": "11-30"], "each parameter as short as it can be")
        XCTAssertEqual(templates(router, "/api/v1/exports/2026"), [])
        XCTAssertEqual(templates(router, "/api/v1/exports/-11"), [], "a parameter is never empty")
        XCTAssertEqual(router.matches("/api/v1/x/abc").first?.parameters, ["a": "a", "b": "bc"])
        XCTAssertEqual(templates(router, "/api/v1/x/a"), [])
        XCTAssertEqual(router.matches("/api/v1/y/7.json").first?.parameters, ["id": "7"])
        XCTAssertEqual(templates(router, "/api/v1/y/.json"), [])
        XCTAssertEqual(templates(router, "/api/v1/y/7.jsonx"), [])
        XCTAssertEqual(router.matches("/api/v1/z/a-b-c.d.e").first?.parameters, ["a": "a", "b": "b-c", "c": "d.e"])
        XCTAssertEqual(templates(router, "/api/v1/z/a-.e"), [])
    }

    func testTheBasePathLeadsAndIsTakenOff() throws {
        let router = OpenAPIRouter(document: try document(["/pets", "/"]))
        XCTAssertEqual(router.basePath, "/api/v1", "the server URL's path without its trailing slash")
        XCTAssertEqual(templates(router, "/api/v1/pets"), ["/pets"])
        XCTAssertEqual(templates(router, "/api/v1/pets?limit=1#top"), ["/pets"])
        XCTAssertEqual(templates(router, "/api/v1"), ["/"])
        XCTAssertEqual(templates(router, "/api/v1/"), ["/"])
        XCTAssertEqual(templates(router, "/pets"), [])
        XCTAssertEqual(templates(router, "/api/v1x/pets"), [])
        XCTAssertEqual(templates(router, "/api/pets"), [])

        let rebased = OpenAPIComparator(document: try document(["/pets"]), basePath: "/other/")
        XCTAssertEqual(OpenAPIRouter(document: rebased.document).basePath, "/other")
        XCTAssertEqual(templates(OpenAPIRouter(document: rebased.document), "/other/pets"), ["/pets"])
        XCTAssertEqual(templates(OpenAPIRouter(document: try document(["/pets"], base: "")), "/pets"), ["/pets"])
    }

    func testParameterValuesArePercentDecodedAfterSplitting() throws {
        let router = OpenAPIRouter(document: try document(["/pets/{id}", "/files/{name}.{ext}"]))
        XCTAssertEqual(router.matches("/api/v1/pets/a%2Fb").first?.parameters, ["id": "a/b"], "an encoded slash stays in its segment")
        XCTAssertEqual(router.matches("/api/v1/pets/caf%C3%A9").first?.parameters, ["id": "café"])
        XCTAssertEqual(router.matches("/api/v1/pets/%zz").first?.parameters, ["id": "%zz"], "bad encoding is kept as written")
        XCTAssertEqual(router.matches("/api/v1/files/a%2Eb.c").first?.parameters, ["name": "a.b", "ext": "c"], "decoded after matching")
        XCTAssertEqual(templates(router, "/api/v1/pets/a\nb"), [], "no line break in a value")
    }

    func testARouteIsTheBestMatchDocumentingTheMethod() throws {
        let doc = try document(["/pets/{id}", "/pets/mine"], posts: ["/pets/mine"])
        let router = OpenAPIRouter(document: doc)
        XCTAssertEqual(router.route("GET", "/api/v1/pets/mine")?.match.pathTemplate, "/pets/{id}", "/pets/mine has no get")
        XCTAssertEqual(router.route("post", "/api/v1/pets/mine")?.operation.method, "post")
        XCTAssertNil(router.route("DELETE", "/api/v1/pets/mine"))
        XCTAssertEqual(router.operation("GET", "/pets/{id}")?.pathTemplate, "/pets/{id}")
        XCTAssertNil(router.operation("get", "/pets/{nope}"))
    }

    func testATemplateWithAnUnclosedBraceMatchesOnlyItself() throws {
        let router = OpenAPIRouter(document: try document(["/a/{b", "/a/{c}"]))
        XCTAssertEqual(templates(router, "/api/v1/a/{b"), ["/a/{b", "/a/{c}"])
        XCTAssertEqual(templates(router, "/api/v1/a/x"), ["/a/{c}"])
    }

    /// The comparator routes `GET /reports/7.json` to `/reports/{id}.{format}`, not to `/reports/{id}` whose integer
    /// `id` would refuse `7.json`.
    func testTheComparatorRoutesToTheMoreSpecificTemplate() throws {
        let text = """
            openapi: 3.0.3
            info: {title: reports, version: '1'}
            paths:
              /reports/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                  responses: {'200': {description: ok}}
              /reports/{id}.{format}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                    - {name: format, in: path, required: true, schema: {type: string, enum: [json, csv]}}
                  responses: {'200': {description: ok}}
            """
        let document = try OpenAPIDocumentReader.read(text: text, name: "reports.yaml")
        let ok = interaction(path: "/reports/7.json", headers: [:], responseHeaders: [:], responseBody: nil)
        XCTAssertEqual(try codes(ok, document: document), [])
        XCTAssertEqual(try codes(interaction(path: "/reports/7", headers: [:], responseHeaders: [:], responseBody: nil), document: document), [])
        XCTAssertEqual(
            try codes(interaction(path: "/reports/7.xml", headers: [:], responseHeaders: [:], responseBody: nil), document: document),
            ["request.path-or-method.unknown"]
        )
    }

    /// Random templates and paths: the index finds exactly what comparing the path with every template finds.
    func testTheIndexFindsWhatAFullScanFinds() throws {
        var random = SplitMix64(seed: 21)
        let pieces = ["a", "b", "{x}", "{y}.{z}", "v{n}", "{p}-{q}", "a.b"]
        var templateSet: Set<String> = []
        for _ in 0..<120 {
            let count = Int.random(in: 0...3, using: &random)
            templateSet.insert("/" + (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined(separator: "/"))
        }
        let templates = templateSet.sorted()
        let router = OpenAPIRouter(document: try document(templates, base: ""))
        let words = ["a", "b", "c", "a.b", "v1", "1-2", "x.y.z", "v", "-", ".", "a-b.c", "%41"]
        for _ in 0..<2000 {
            let path = "/" + (0..<Int.random(in: 0...3, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: "/")
            let indexed = Set(router.matches(path).map(\.pathTemplate))
            let scanned = Set(templates.filter { fullScanMatches($0, path) })
            XCTAssertEqual(indexed, scanned, path)
        }
    }

    /// The regular expression each template segment stands for, tried on every template.
    private func fullScanMatches(_ template: String, _ path: String) -> Bool {
        func split(_ text: String) -> [String] {
            let trimmed = String(text.dropFirst())
            return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        let patterns = split(template)
        let segments = split(path)
        guard patterns.count == segments.count else { return false }
        return zip(patterns, segments).allSatisfy { pattern, segment in
            var expression = "^"
            var rest = Substring(pattern)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                expression += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
                rest = rest[rest.index(after: close)...]
            }
            expression += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
            let regex = try! NSRegularExpression(pattern: expression)
            return regex.firstMatch(in: segment, range: NSRange(segment.startIndex..., in: segment)) != nil
        }
    }
}
