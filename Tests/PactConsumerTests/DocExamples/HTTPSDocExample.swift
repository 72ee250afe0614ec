// doc-snippet: docs/consumer-https-and-apple-platforms.md
import AsyncHTTPClient
import NIOSSL
import PactConsumer
import XCTest

/// Runs `body` with an AsyncHTTPClient that trusts the https mock's certificate and no other, then shuts it down.
func withClient<T>(trusting mockServer: MockServer, _ body: (HTTPClient) async throws -> T) async throws -> T {
    let pem = try XCTUnwrap(mockServer.certificate?.pem, "the PactBuilder was made with tls:")
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
    let result: Result<T, any Error>
    do { result = .success(try await body(client)) } catch { result = .failure(error) }
    try await client.shutdown()
    return try result.get()
}

func fetchOrderOverHTTPS(_ pact: PactBuilder) async throws {  // PactBuilder(consumer: …, provider: …, tls: .selfSigned)
    pact.uponReceiving("a request for order 42 over https")
        .withRequest(.get, "/orders/42")
        .willRespondWith(status: 200, body: ["id": .like(42)])
    try await pact.run { mockServer in
        let response = try await withClient(trusting: mockServer) { client in
            try await client.execute(HTTPClientRequest(url: "\(mockServer.url)/orders/42"), timeout: .seconds(5))
        }
        XCTAssertEqual(response.status, .ok)
    }
}
// doc-snippet-end

/// Runs the document's example: the https mock, a client trusting its certificate, and the pact written.
final class HTTPSDocExampleTests: XCTestCase {
    func testTheDocumentsHTTPSExamplePassesAndWritesItsPact() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory, tls: .selfSigned,
                               reporter: reporter)
        try await fetchOrderOverHTTPS(pact)
        XCTAssertEqual(reporter.failures.map(\.message), [])
        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("orders-app-orders-api.json"))
        XCTAssertEqual(written.httpInteractions.map(\.info.description), ["a request for order 42 over https"])
    }
}
