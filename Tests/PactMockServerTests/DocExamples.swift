import PactMockServer
import PactModel

/// The example of `MockServer`'s doc comment, compiled.
func mockServerDocCommentExample(pact: Pact) async throws {
    // doc-snippet: Sources/PactMockServer/Server/MockServer.swift
    let server = try await MockServer.start(interactions: pact.httpInteractions)
    // … point the client under test at server.url …
    let result = server.verification()
    try await server.shutdown()
    if !result.isSuccess { print(result.report) }
    // doc-snippet-end
}
