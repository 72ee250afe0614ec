import Foundation
import PactModel
import PactOpenAPI
import XCTest

/// The report `pactkit openapi-check` prints: text grouped by interaction with a summary, and the JSON array.
final class OpenAPICheckReportTests: XCTestCase {
    private func result(
        _ code: OpenAPIResultCode, _ message: String, index: Int, description: String, state: String = "[none]",
        at path: String, spec: String = "[root].paths./pets.get"
    ) -> OpenAPICheckResult {
        OpenAPICheckResult(
            code: code, message: message,
            mockDetails: .init(interactionDescription: description, interactionState: state,
                               location: "[root].interactions[\(index)]\(path)", value: .string("x")),
            specDetails: .init(location: spec, pathMethod: "get", pathName: "/pets", value: nil))
    }

    private var findings: [OpenAPICheckResult] {
        [
            result(.requestHeaderUnknown, "Request header is not defined in the spec file: x-trace", index: 0,
                   description: "a pet", state: "a pet exists", at: ".request.headers.x-trace"),
            result(.responseBodyIncompatible, "Response body is incompatible with the response body schema in the spec file: must be string",
                   index: 0, description: "a pet", state: "a pet exists", at: ".response.body.name",
                   spec: "[root].paths./pets.get.responses.200.content.application/json.schema"),
            result(.responseStatusUnknown, "Response status code not defined in spec file: 418", index: 2,
                   description: "a teapot", at: ".response.status"),
        ]
    }

    func testTheTextGroupsResultsByInteractionWithTypesLocationsAndASummary() {
        let report = OpenAPICheckReport(document: "pets.yml", pacts: [
            .init(file: "web-pets.json", consumer: "web", provider: "pets", interactionCount: 3,
                  comparison: OpenAPIComparison(results: findings, skippedMessageInteractions: 0)),
        ])
        XCTAssertEqual(report.text(), """
            web-pets.json (web -> pets): incompatible, 2 errors, 1 warning
              [0] a pet (given a pet exists)
                warning request.header.unknown at [root].interactions[0].request.headers.x-trace: Request header is not defined in the spec file: x-trace (spec: [root].paths./pets.get)
                error   response.body.incompatible at [root].interactions[0].response.body.name: Response body is incompatible with the response body schema in the spec file: must be string (spec: [root].paths./pets.get.responses.200.content.application/json.schema)
              [2] a teapot
                error   response.status.unknown at [root].interactions[2].response.status: Response status code not defined in spec file: 418 (spec: [root].paths./pets.get)

            1 pact checked against pets.yml: 2 errors, 1 warning; incompatible

            """)
        XCTAssertTrue(report.hasErrors)
        XCTAssertEqual(report.errorCount, 2)
        XCTAssertEqual(report.warningCount, 1)
    }

    func testACleanPactSaysHowManyInteractionsWereCheckedAndTheMessageNoteOnce() {
        let report = OpenAPICheckReport(document: "pets.yml", pacts: [
            .init(file: "a.json", consumer: "web", provider: "pets", interactionCount: 5,
                  comparison: OpenAPIComparison(results: [], skippedMessageInteractions: 2)),
            .init(file: "b.json", consumer: "app", provider: "pets", interactionCount: 1,
                  comparison: OpenAPIComparison(results: [findings[0]], skippedMessageInteractions: 0)),
        ])
        XCTAssertEqual(report.text(), """
            a.json (web -> pets): compatible, 0 errors, 0 warnings
              3 HTTP interactions checked, no findings
              note: 2 message interactions were not checked: an OpenAPI document describes HTTP interactions only

            b.json (app -> pets): compatible, 0 errors, 1 warning
              [0] a pet (given a pet exists)
                warning request.header.unknown at [root].interactions[0].request.headers.x-trace: Request header is not defined in the spec file: x-trace (spec: [root].paths./pets.get)

            2 pacts checked against pets.yml: 0 errors, 1 warning; compatible

            """)
        XCTAssertFalse(report.hasErrors)
    }

    func testResultsWithoutAnInteractionIndexAreGroupedByDescriptionAndState() {
        var first = findings[0]
        first.mockDetails.location = "somewhere"
        var second = findings[1]
        second.mockDetails.location = "elsewhere"
        var third = findings[2]
        third.mockDetails.location = "else"
        let groups = OpenAPICheckReport(document: "d", pacts: [
            .init(file: "p", consumer: "c", provider: "p", interactionCount: 2,
                  comparison: OpenAPIComparison(results: [first, second, third], skippedMessageInteractions: 0)),
        ]).text()
        XCTAssertTrue(groups.contains("  a pet (given a pet exists)\n    warning"), groups)
        XCTAssertTrue(groups.contains("  a teapot\n    error"), groups)
        XCTAssertEqual(groups.components(separatedBy: "a pet (given").count, 2, "one heading for both results: \(groups)")
    }

    func testTheJSONIsOneArrayOfEveryPactsResultsInTheReferenceShape() throws {
        let report = OpenAPICheckReport(document: "pets.yml", pacts: [
            .init(file: "a.json", consumer: "web", provider: "pets", interactionCount: 3,
                  comparison: OpenAPIComparison(results: Array(findings.prefix(2)), skippedMessageInteractions: 0)),
            .init(file: "b.json", consumer: "app", provider: "pets", interactionCount: 3,
                  comparison: OpenAPIComparison(results: [findings[2]], skippedMessageInteractions: 1)),
        ])
        let json = report.json()
        let decoded = try JSONDecoder().decode([OpenAPICheckResult].self, from: Data(json.utf8))
        XCTAssertEqual(decoded, findings)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, 3)
        XCTAssertEqual(Set(array[0].keys), ["code", "message", "type", "mockDetails", "specDetails"])
        XCTAssertEqual(array[2]["type"] as? String, "error")
        let empty = OpenAPICheckReport(document: "d", pacts: []).json()
        XCTAssertEqual(try JSONDecoder().decode([OpenAPICheckResult].self, from: Data(empty.utf8)), [])
    }
}
