import Foundation
import PactModel

/// Interactions written as V4 pact JSON and read by the foundation's reader, as a pact file would be.
func interactions(_ interactionsJSON: String) throws -> [HTTPInteraction] {
    let document = """
    {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": \(interactionsJSON),
     "metadata": {"pactSpecification": {"version": "4.0"}}}
    """
    return try PactReader.read(data: Data(document.utf8)).httpInteractions
}

/// A minimal HTTP interaction built in code.
func interaction(
    _ description: String, _ method: String = "GET", _ path: String, query: [QueryParameter]? = nil,
    status: Int = 200, body: String? = nil
) -> HTTPInteraction {
    HTTPInteraction(
        info: InteractionInfo(description: description),
        request: PactRequest(method: method, path: path, query: query),
        response: PactResponse(status: status, body: body.map { .text($0, contentType: .plainText) } ?? .missing))
}
