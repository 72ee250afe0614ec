import Foundation
import PactModel

/// Declares one interaction; every method returns the builder so calls chain.
///
/// Mistakes (a matcher whose example does not satisfy it, a second `withRequest`, a V4 feature in a V3 pact…) are
/// recorded as `PactUsageError`s at the line that made them; the interaction is then left out and `run` fails.
public final class PactInteractionBuilder: Sendable {
    private let pact: PactBuilder
    private let id: Int

    init(pact: PactBuilder, id: Int) {
        self.pact = pact
        self.id = id
    }

    /// Adds a provider state the interaction needs, with optional parameters given as plain Swift values
    /// (`["code": code, "uses": 2]`) or `JSONValue`s. Call once per state.
    @discardableResult
    public func given(_ state: String, _ params: [String: any PactValueConvertible] = [:]) -> Self {
        let json = params.mapValues(\.pactValue.example)
        pact.update(id) { $0.states.append(ProviderState(name: state, params: json)) }
        return self
    }

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
        pact.update(id) { declared in
            var compiler = PartCompiler(version: version, interaction: declared.description, declaredAt: location)
            if declared.request != nil {
                compiler.fail("withRequest is called a second time; an interaction has one request", part: "request")
            }
            var request = HTTPRequest(method: method.name)
            request.path = compiler.path(path)
            request.query = compiler.query(query)
            request.headers = compiler.headers(headers, part: "request")
            request.body = compiler.body(body, headers: &request.headers, part: "request")
            request.matchingRules = compiler.rules
            request.generators = compiler.generators
            if compiler.errors.isEmpty { compiler.checkSelfMatch(request) }
            declared.errors += compiler.errors
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
        pact.update(id) { declared in
            var compiler = PartCompiler(version: version, interaction: declared.description, declaredAt: location)
            if declared.responseLocation != nil {
                compiler.fail("willRespondWith is called a second time; an interaction has one response", part: "response")
            }
            var response = HTTPResponse(status: compiler.status(status))
            response.headers = compiler.headers(headers, part: "response")
            response.body = compiler.body(body, headers: &response.headers, part: "response")
            response.matchingRules = compiler.rules
            response.generators = compiler.generators
            if compiler.errors.isEmpty { compiler.checkSelfMatch(response) }
            declared.errors += compiler.errors
            declared.response = response
            declared.responseLocation = location
        }
        return self
    }

    /// Marks the interaction pending (V4): the provider's verification reports its failures without failing.
    @discardableResult
    public func pending(
        _ isPending: Bool = true,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        requireV4("pending", at: location)
        pact.update(id) { $0.pending = isPending }
        return self
    }

    /// Adds a free-text comment (V4 `comments.text`).
    @discardableResult
    public func comment(
        _ text: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        requireV4("comment", at: location)
        pact.update(id) { declared in
            let existing = declared.comments["text"]?.arrayValue ?? []
            declared.comments["text"] = .array(existing + [.string(text)])
        }
        return self
    }

    /// Sets the test name recorded with the interaction (V4 `comments.testname`); it defaults to the running test.
    @discardableResult
    public func testName(_ name: String) -> Self {
        if pact.specVersion >= .v4 { pact.update(id) { $0.comments["testname"] = .string(name) } }
        return self
    }

    private func requireV4(_ feature: String, at location: PactSourceLocation) {
        guard pact.specVersion < .v4 else { return }
        let version = pact.specVersion
        pact.update(id) { declared in
            declared.errors.append(PactUsageError(
                location: location, interaction: declared.description,
                reason: "\(feature) needs Pact V4 or later, but this pact is written as \(version); use specVersion: .v4"))
        }
    }
}
