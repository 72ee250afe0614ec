#if OpenAPI
import Foundation
import PactModel
import PactOpenAPI

/// Every pact file under Fixtures/ and pacts/ compared with every OpenAPI document under Fixtures/ (each YAML or JSON
/// file there is tried as a document: it reads or is refused with a reason), then hostile documents and pacts; a
/// trap ends the process, and an input that takes longer than two seconds fails the sweep.
func runOpenAPIFixtureSweep(root: String) throws {
    let files = ["Fixtures", "pacts"].flatMap { sweepFiles(under: root + "/" + $0) }
    var pacts: [(String, Pact)] = []
    var documents: [(String, OpenAPIDocument)] = []
    var refusedDocuments = 0
    for file in files {
        if file.hasSuffix(".json"), let pact = try? PactReader.read(contentsOf: URL(fileURLWithPath: file)) { pacts.append((file, pact)) }
        guard file.contains("/Fixtures/") else { continue }
        do {
            documents.append((file, try OpenAPIDocumentReader.read(path: file)))
        } catch {
            refusedDocuments += 1
            guard !error.reason.isEmpty else { fail("\(file): refused without a reason") }
        }
    }
    print("OpenAPI fixture sweep (release build)\n")
    print("\(files.count) files: \(pacts.count) pacts, \(documents.count) OpenAPI documents (\(documents.map { short($0.0) }.joined(separator: ", "))), \(refusedDocuments) files refused as documents with a reason")
    let clock = ContinuousClock()
    var pairs = 0
    var results = 0
    var slowest: (Duration, String) = (.zero, "")
    for (documentFile, document) in documents {
        for (pactFile, pact) in pacts {
            for basePath in [nil, "/"] {
                var count = 0
                let elapsed = clock.measure { count = OpenAPIComparator(document: document, basePath: basePath).compare(pact).results.count }
                pairs += 1
                results += count
                if elapsed > slowest.0 { slowest = (elapsed, "\(short(pactFile)) against \(short(documentFile))") }
            }
        }
    }
    print("\(pairs) comparisons (each pact against each document, with its own base path and with /): \(results) results")
    print("slowest: \(slowest.0) for \(slowest.1)\n")

    print("hostile inputs:")
    for (name, document, pact) in try hostileCases() {
        var summary = ""
        let elapsed = clock.measure {
            let comparison = OpenAPIComparator(document: document).compare(pact)
            let codes = Dictionary(grouping: comparison.results, by: \.code.rawValue).map { "\($0.key) ×\($0.value.count)" }.sorted()
            summary = codes.isEmpty ? "no results" : codes.joined(separator: ", ")
        }
        print("  \(name.padding(toLength: 48, withPad: " ", startingAt: 0)) \(elapsed)  \(summary.prefix(160))")
        if elapsed > .seconds(2) { fail("\(name) took \(elapsed)") }
    }
    print("\nno trap, nothing slower than 2 s")
}

private func fail(_ message: String) -> Never {
    print("error: \(message)")
    Foundation.exit(1)
}

private func short(_ path: String) -> String {
    path.range(of: "/Fixtures/").map { String(path[$0.lowerBound...].dropFirst()) }
        ?? path.range(of: "/pacts/").map { String(path[$0.lowerBound...].dropFirst()) } ?? path
}

private func sweepFiles(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
        guard [".json", ".yaml", ".yml"].contains(where: relative.hasSuffix) else { continue }
        files.append(URL(fileURLWithPath: folder + "/" + relative).standardizedFileURL.path)
    }
    return files.sorted()
}

/// Documents and pacts meant to hurt: catastrophic and invalid patterns, self-referencing schemas, deep values,
/// huge strings, arrays and paths, bad percent-encoding.
private func hostileCases() throws -> [(String, OpenAPIDocument, Pact)] {
    let schemas: JSONValue = [
        "Catastrophic": ["type": "object", "properties": [
            "a": ["type": "string", "pattern": "^(a+)+$"], "b": ["type": "string", "pattern": "(x+x+)+y"],
            "c": ["type": "string", "pattern": "^(\\w+\\s?)*$"],
        ]],
        "Invalid": ["type": "object", "properties": ["a": ["type": "string", "pattern": "(unclosed"], "b": ["type": "string", "pattern": "[z-a]"]],
                    "patternProperties": ["(": ["type": "string"], "^(a|aa)+$": ["type": "integer"]]],
        "Node": ["type": "object", "properties": ["child": ["$ref": "#/components/schemas/Node"], "name": ["type": "string"]]],
        "Loop": ["$ref": "#/components/schemas/Loop"],
        "CycleA": ["allOf": [["$ref": "#/components/schemas/CycleB"]]],
        "CycleB": ["allOf": [["$ref": "#/components/schemas/CycleA"]], "oneOf": [["$ref": "#/components/schemas/CycleA"], ["type": "object"]]],
        "Huge": ["type": "array", "items": ["type": "string", "format": "email", "maxLength": 10]],
    ]
    func post(_ schema: String) -> JSONValue {
        let body: JSONValue = ["content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/" + schema)]]]]
        return ["post": ["requestBody": body, "responses": ["200": ["description": "ok", "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/" + schema)]]]]]]]
    }
    var paths: [String: JSONValue] = [:]
    for name in schemas.objectValue!.keys { paths["/" + name.lowercased()] = post(name) }
    paths["/items/{id}/{name}.{ext}"] = ["get": [
        "parameters": [
            ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "pattern": "^(a+)+$"]],
            ["name": "name", "in": "path", "required": true, "schema": ["type": "string"]],
            ["name": "ext", "in": "path", "required": true, "schema": ["type": "string"]],
            ["name": "q", "in": "query", "schema": ["type": "array", "items": ["type": "string", "pattern": "(x+x+)+y"]]],
        ],
        "responses": ["200": ["description": "ok"]],
    ]]
    let documentValue: JSONValue = ["openapi": "3.0.3", "info": ["title": "hostile", "version": "1"], "paths": .object(paths), "components": ["schemas": schemas]]
    let document = try OpenAPIDocumentReader.read(text: JSONWriter.compact(documentValue), name: "hostile.json")

    let attack = String(repeating: "a", count: 40) + "!"
    let xs = String(repeating: "x", count: 40)
    let words = String(repeating: "word ", count: 30) + "!"
    var deep: JSONValue = ["name": "leaf"]
    for _ in 0..<400 { deep = ["child": deep, "name": "n"] }
    func interaction(_ description: String, _ request: PactRequest, _ body: JSONValue? = nil) -> Interaction {
        var request = request
        if let body { request.body = .json(body, contentType: .json); request.headers["Content-Type"] = ["application/json"] }
        let response = PactResponse(status: 200, headers: ["Content-Type": ["application/json"]], body: body.map { .json($0, contentType: .json) } ?? .missing)
        return .http(HTTPInteraction(info: InteractionInfo(description: description), request: request, response: response))
    }
    func pact(_ interactions: Interaction...) -> Pact { Pact(consumer: "c", provider: "p", interactions: interactions) }
    let huge = String(repeating: "é", count: 2_000_000)
    return [
        ("catastrophic patterns", document, pact(interaction("c", PactRequest(method: "POST", path: "/catastrophic"), ["a": .string(attack), "b": .string(xs), "c": .string(words)]))),
        ("invalid patterns", document, pact(interaction("i", PactRequest(method: "POST", path: "/invalid"), ["a": "x", "b": "y", "(": "z", String(repeating: "a", count: 40) + "b": 1]))),
        ("recursive schema, 400 levels deep", document, pact(interaction("n", PactRequest(method: "POST", path: "/node"), deep))),
        ("self-referencing $ref", document, pact(interaction("l", PactRequest(method: "POST", path: "/loop"), deep))),
        ("allOf / oneOf cycle", document, pact(interaction("y", PactRequest(method: "POST", path: "/cyclea"), deep))),
        ("10 strings of 2 M characters (email format)", document, pact(interaction("h", PactRequest(method: "POST", path: "/huge"), .array(Array(repeating: .string(huge + "@x"), count: 10))))),
        ("50,000 short strings, each too long", document, pact(interaction("s", PactRequest(method: "POST", path: "/huge"), .array((0..<50_000).map { .string("u\($0)@example.com") })))),
        ("catastrophic path and query parameters", document, pact(interaction("p", PactRequest(method: "GET", path: "/items/\(attack)/a.b.c", query: [QueryParameter(name: "q", values: Array(repeating: xs, count: 20))])))),
        ("a 10,000-segment path", document, pact(interaction("d", PactRequest(method: "GET", path: String(repeating: "/items", count: 10_000))))),
        ("bad percent-encoding", document, pact(interaction("e", PactRequest(method: "GET", path: "/items/%zz/%E9%.%")))),
        ("a 1 MB header and 10,000 query parameters", document, pact(interaction("q", PactRequest(
            method: "GET", path: "/items/aaa/b.c", query: (0..<10_000).map { QueryParameter(name: "p\($0)", values: ["v"]) },
            headers: ["X-Big": [String(repeating: "h", count: 1 << 20)]]
        )))),
    ]
}
#endif
