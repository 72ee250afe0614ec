import PactModel
import PactOpenAPI
import XCTest

/// The codes service's real OpenAPI 3.0 document (Fixtures/codes-service-openapi).
final class CodesServiceDocumentTests: XCTestCase {
    private func document() throws -> OpenAPIDocument {
        try OpenAPIDocumentReader.read(path: fixture("codes-service-openapi/lpa-codes-openapi-v1.yml"))
    }

    func testEveryOperationIsReadWithTheBasePath() throws {
        let document = try document()
        XCTAssertEqual(document.version, .openAPI30)
        XCTAssertEqual(document.basePath, "/v1")
        XCTAssertEqual(document.operations.map { "\($0.method.uppercased()) \($0.pathTemplate)" }, [
            "POST /code", "POST /create", "POST /exists", "GET /healthcheck", "POST /paper-verification-code",
            "POST /paper-verification-code/expire", "POST /paper-verification-code/validate", "POST /revoke", "POST /validate",
        ])
    }

    func testSigV4SecurityNeedsAnAuthorizationHeader() throws {
        let document = try document()
        XCTAssertTrue(document.operations.allSatisfy(\.requiresAuthorizationHeader))
        XCTAssertEqual(document.operation("GET", "/healthcheck")?.security,
                       [OpenAPISecurityRequirement(credentials: [OpenAPICredential(scheme: "sigv4", location: .header, name: "Authorization")])])
    }

    func testResponsesFollowComponentReferences() throws {
        let document = try document()
        let validate = try XCTUnwrap(document.operation("post", "/validate"))
        XCTAssertEqual(validate.responses.map(\.status), ["200", "400", "500"])
        XCTAssertEqual(validate.response(forStatus: 200)?.match, .exact)
        XCTAssertNil(validate.response(forStatus: 404))
        let error = try XCTUnwrap(validate.response(forStatus: 400)?.response)
        XCTAssertEqual(error.content.map(\.mediaType), ["application/vnd.opg-data.v1+json"], "components/responses/Error400's")
        XCTAssertEqual(error.specLocation, "[root].paths./validate.post.responses.400")
        XCTAssertEqual(validate.specLocation, "[root].paths./validate.post")
        let body = try XCTUnwrap(validate.requestBody)
        XCTAssertTrue(body.required)
        XCTAssertEqual(body.content.map(\.mediaType), ["application/json"])
    }

    func testItsSchemasValidateBodies() throws {
        let document = try document()
        let validate = try XCTUnwrap(document.operation("post", "/validate"))
        let schema = try XCTUnwrap(validate.response(forStatus: 200)?.response.content.first?.schema)
        let validator = document.validator
        let options = SchemaValidationOptions(mode: .response)
        XCTAssertEqual(validator.validate(["actor": "739682957384"], against: schema.value, in: schema.document, options: options), [])
        XCTAssertEqual(validator.validate(["actor": .null], against: schema.value, in: schema.document, options: options), [])
        XCTAssertEqual(
            validator.validate(["actor": "739682957384", "lpa": "x"], against: schema.value, in: schema.document, options: options).map(\.description),
            ["[root].lpa: must NOT have additional properties"]
        )
        let create = try XCTUnwrap(document.operation("post", "/create")?.requestBody?.content.first?.schema)
        let request = SchemaValidationOptions(mode: .request)
        XCTAssertEqual(validator.validate(
            ["lpas": [["lpa": "700000000138", "actor": "700000000971", "dob": "1960-06-05"]]],
            against: create.value, in: create.document, options: request
        ), [])
        XCTAssertEqual(validator.validate(
            ["lpas": [["lpa": "12", "actor": "700000000971", "dob": "1960-06-05"]]],
            against: create.value, in: create.document, options: request
        ).map(\.location), ["[root].lpas[0].lpa"])
    }

    func testTheAPIGatewayOverlayIsNotADocumentOnItsOwn() {
        XCTAssertThrowsError(try OpenAPIDocumentReader.read(path: fixture("codes-service-openapi/lpa-codes-openapi-aws.yml"))) { error in
            let error = error as? OpenAPIDocumentError
            XCTAssertEqual(error?.file, fixture("codes-service-openapi/lpa-codes-openapi-aws.yml"))
            XCTAssertEqual(error?.reason, "neither `swagger: \"2.0\"` nor `openapi: 3.x` is declared")
        }
    }
}
