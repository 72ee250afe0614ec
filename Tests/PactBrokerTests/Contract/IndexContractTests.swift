import Foundation
import PactBroker
import PactConsumer
import XCTest

/// The index resource: the only URL the client knows; with basic auth, a bearer token, wrong credentials, and a
/// base URL that turns out to be a login page.
final class IndexContractTests: BrokerContractTestCase {

    func testNavigatesFromTheIndexWithBasicAuth() async throws {
        pact.indexInteraction()
        let index = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { try await $0.index() }
        }
        let link = try XCTUnwrap(index.link("pb:pacticipant-version"))
        XCTAssertTrue(link.href.hasSuffix("/pacticipants/{pacticipant}/versions/{version}"), link.href)
        XCTAssertTrue(try link.url(["pacticipant": "Pricing Service", "version": "feat/1"]).absoluteString
            .hasSuffix("/pacticipants/Pricing%20Service/versions/feat%2F1"))
    }

    func testABearerTokenIsSentAsSuch() async throws {
        pact.uponReceiving("a request for the index resource with a bearer token")
            .withRequest(.get, "/", headers: BrokerContract.requestHeaders(authorization: "Bearer \(BrokerContract.token)"))
            .willRespondWith(status: 200, headers: BrokerContract.halResponse,
                             body: BrokerContract.index(relations: ["pb:pacticipant-version"]))
        let index = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url, authentication: .bearer(token: BrokerContract.token))) {
                try await $0.index()
            }
        }
        XCTAssertNotNil(index.link("pb:pacticipant-version"))
        XCTAssertNil(index.link("pb:publish-contracts"))
    }

    func testWrongCredentialsSayWhichVariablesToCheck() async throws {
        let wrong = BrokerAuthentication.basic(username: BrokerContract.username, password: "wrong")
        pact.uponReceiving("a request for the index resource with wrong credentials")
            .withRequest(.get, "/", headers: BrokerContract.requestHeaders(authorization: wrong.headerValue))
            // No WWW-Authenticate header: FoundationNetworking's URLSession stalls on a Basic challenge it cannot
            // answer, and other tests send this contract's requests with URLSession.
            .willRespondWith(status: 401, headers: BrokerContract.jsonResponse, body: ["error": "Unauthorized"])
        let error = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url, authentication: wrong, retries: 2)) { client in
                await brokerError { try await client.index() }
            }
        }
        XCTAssertEqual(error?.kind, .unauthorized)
        XCTAssertEqual(error?.status, 401)
        XCTAssertTrue(error?.description.contains("check PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN") == true,
                      String(describing: error))
    }

    func testAnHTMLPageInsteadOfHALIsNamedAsSuch() async throws {
        pact.uponReceiving("a request for the index resource answered by a login page")
            .given("the broker's URL is behind a single sign-on proxy")
            .withRequest(.get, "/sso", headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"],
                             body: .text("<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>",
                                         contentType: "text/html; charset=utf-8"))
        let error = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url.appendingPathComponent("sso"))) { client in
                await brokerError { try await client.index() }
            }
        }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertTrue(error?.reason.contains("HTML page instead of HAL JSON") == true, String(describing: error))
    }
}
