import Foundation
import PactModel

/// Declares one interaction; every method returns the builder so calls chain.
///
/// Mistakes (a matcher whose example does not satisfy it, a second `withRequest`, a V4 feature in a V3 pact…) are
/// recorded as `PactUsageError`s at the line that made them; the interaction is then left out and `run` fails.
/// Provider states, the V4 key, pending, comments and the test name come from `InteractionDeclaring`.
public final class PactInteractionBuilder: InteractionDeclaring {
    private let pact: PactBuilder
    private let id: Int

    init(pact: PactBuilder, id: Int) {
        self.pact = pact
        self.id = id
    }

    /// The interaction this builder declares.
    public var declaration: InteractionDeclaration { pact.core.declaration(id) }

    /// The request the consumer sends. `path`, query values and header values may be string matchers; a query or
    /// header value may be a list for repeated names. A JSON `body` may hold matchers anywhere.
    @discardableResult
    public func withRequest(
        _ method: PactHTTPMethod, _ path: PactValue, query: [String: PactValue] = [:],
        headers: [String: PactValue] = [:], body: PactBody? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let version = pact.specVersion
        pact.core.update(id) { declared in
            var compiler = PartCompiler(version: version, interaction: declared.description, declaredAt: location)
            if declared.request != nil {
                compiler.fail("withRequest is called a second time; an interaction has one request", part: "request")
            }
            var request = PactRequest(method: method.name)
            request.path = compiler.path(path)
            request.query = compiler.query(query)
            request.rawQuery = OlderSpecVersions.rawQuery(request.query, version: version)
            request.headers = compiler.headers(headers, part: "request")
            request.body = compiler.body(body, headers: &request.headers, part: "request")
            request.matchingRules = compiler.rules
            request.generators = compiler.generators
            compiler.checkOlderVersion(part: "request")
            if compiler.errors.isEmpty { compiler.checkSelfMatch(request) }
            declared.info.errors += compiler.errors
            declared.request = request
            declared.requestLocation = location
        }
        return self
    }

    /// The response the mock provider gives. `status` is an integer or `.status(_:example:)` (V4).
    @discardableResult
    public func willRespondWith(
        status: PactStatus = 200, headers: [String: PactValue] = [:], body: PactBody? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let version = pact.specVersion
        pact.core.update(id) { declared in
            var compiler = PartCompiler(version: version, interaction: declared.description, declaredAt: location)
            if declared.responseLocation != nil {
                compiler.fail("willRespondWith is called a second time; an interaction has one response", part: "response")
            }
            var response = PactResponse(status: compiler.status(status))
            response.headers = compiler.headers(headers, part: "response")
            response.body = compiler.body(body, headers: &response.headers, part: "response")
            response.matchingRules = compiler.rules
            response.generators = compiler.generators
            compiler.checkOlderVersion(part: "response")
            if compiler.errors.isEmpty { compiler.checkSelfMatch(response) }
            declared.info.errors += compiler.errors
            declared.response = response
            declared.responseLocation = location
        }
        return self
    }
}
