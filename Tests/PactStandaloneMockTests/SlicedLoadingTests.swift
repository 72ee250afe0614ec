import Foundation
import PactModel
import PactStandaloneMock
import XCTest

/// Large pacts are read a slice of interactions at a time; what is served must be exactly what a whole read gives,
/// and errors must still name the interaction's place in the whole file.
final class SlicedLoadingTests: XCTestCase {
    private func interactions(_ count: Int, broken: Int? = nil) -> String {
        (0..<count).map { index in
            let method = index == broken ? #""method": 7"# : #""method": "GET""#
            return """
            {"type": "Synchronous/HTTP", "description": "get \\"item\\" \(index) [a, b]",
             "providerStates": [{"name": "item {\(index)} exists", "params": {"id": \(index)}}],
             "request": {\(method), "path": "/items/\(index)", "headers": {"Accept": ["application/json"]}},
             "response": {"status": 200, "body": {"content": {"id": \(index), "tags": ["]", "}"]},
                                                  "contentType": "application/json"}}}
            """
        }.joined(separator: ",\n")
    }

    private func write(_ scratch: StandaloneScratch, _ name: String, interactions: String, metadata: String) throws -> String {
        try scratch.write(name, """
        {"consumer": {"name": "app"}, "interactions": [\(interactions)],
         "metadata": \(metadata), "provider": {"name": "api"}}
        """)
        return scratch.path(name)
    }

    func testASlicedReadServesWhatAWholeReadGives() throws {
        let scratch = try StandaloneScratch()
        let path = try write(scratch, "big.json", interactions: interactions(1_000),
                             metadata: #"{"pactSpecification": {"version": "4.0"}}"#)
        let served = try ServedPact.read(path)
        let whole = try PactReader.read(contentsOf: URL(fileURLWithPath: path)).httpInteractions
        XCTAssertEqual(served.interactions.count, 1_000)
        XCTAssertEqual(served.interactions.map(\.info.description), whole.map(\.info.description))
        XCTAssertEqual(served.interactions.map { $0.info.providerStates.map(\.name) },
                       whole.map { $0.info.providerStates.map(\.name) })
        XCTAssertEqual(served.interactions.map(\.request), whole.map(\.request))
        // Responses are kept as the bytes they are sent as: the same answers.
        let mock = try StandalonePacts.mock([served])
        for index in [0, 511, 999] {
            let answer = mock.handle(method: "GET", target: "/items/\(index)", headers: [("Accept", "application/json")])
            XCTAssertEqual(answer.status, 200)
            XCTAssertEqual(answer.json, try JSONParser.parse(whole[index].response.body.bytes))
            XCTAssertEqual(answer.header("Content-Type"), "application/json")
        }
        XCTAssertEqual(served.interactions[999].info.description, #"get "item" 999 [a, b]"#)
        XCTAssertEqual(served.specVersion, .v4)
    }

    func testAnErrorInALaterSliceNamesItsPlaceInTheWholeFile() throws {
        let scratch = try StandaloneScratch()
        let path = try write(scratch, "broken.json", interactions: interactions(1_000, broken: 700),
                             metadata: #"{"pactSpecification": {"version": "4.0"}}"#)
        XCTAssertThrowsError(try ServedPact.read(path)) { error in
            XCTAssertTrue("\(error)".contains("$.interactions[700].request.method"), "\(error)")
        }
    }

    func testAPactWithoutADeclaredVersionIsReadWhole() throws {
        let scratch = try StandaloneScratch()
        let path = try write(scratch, "undeclared.json", interactions: interactions(600), metadata: "{}")
        let served = try ServedPact.read(path)
        XCTAssertEqual(served.specVersion, .v4, "inferred from the interactions' `type`")
        XCTAssertEqual(served.interactions.count, 600)
    }
}
