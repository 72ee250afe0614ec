import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OutboundHTTP
import PactModel

/// Asks a provider's message endpoint for the message of one interaction, as the pact-reference verifier does:
/// `POST {"description", "providerStates"[, "request"]}`; the answer's body is the contents, `Content-Type` their
/// content type (metadata `contentType`) and `Pact-Message-Metadata` the other metadata as base64-encoded JSON.
struct MessageEndpoint: Sendable {
    let url: URL
    let client: OutboundHTTPClient
    let customHeaders: [(name: String, value: String)]
    let requestFilter: RequestFilter?

    private static let pathAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";")
        return set
    }()

    /// The largest answer body echoed in an error.
    static let echoLimit = 300

    init(baseURL: URL, basePath: String, endpointPath: String, client: OutboundHTTPClient,
         customHeaders: [(name: String, value: String)], requestFilter: RequestFilter?) {
        var text = baseURL.absoluteString
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        for part in [basePath, endpointPath] {
            var piece = part.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("/") { text.removeLast() }
            if !piece.isEmpty, !piece.hasPrefix("/") { piece = "/" + piece }
            text += piece.addingPercentEncoding(withAllowedCharacters: Self.pathAllowed) ?? piece
        }
        if URL(string: text)?.path.isEmpty ?? true { text += "/" }
        // A path that makes no URL is refused by the client with the URL text in its error.
        url = URL(string: text) ?? baseURL
        self.client = client
        self.customHeaders = customHeaders
        self.requestFilter = requestFilter
    }

    /// `POST /path` for reports.
    var target: String { "POST \(url.path.isEmpty ? "/" : url.path)" }

    /// The message the endpoint produced; throws a verification error naming the endpoint and what was wrong with
    /// the answer (a non-2xx status, unreadable `Pact-Message-Metadata`).
    func message(
        description: String, providerStates: [ProviderState], request: MessageContents?, version: PactSpecVersion
    ) async throws(VerificationError) -> MessagePayload {
        var payload: [String: JSONValue] = ["description": .string(description)]
        if !providerStates.isEmpty {
            payload["providerStates"] = .array(providerStates.map { ["name": .string($0.name), "params": .object($0.params)] })
        }
        if let request { payload["request"] = PactWriter.json(for: request, version: .v4) }
        var post = ProviderRequest(
            method: "POST", url: url,
            headers: [("Content-Type", "application/json"), ("User-Agent", "pactkit-verifier")],
            body: Data(JSONWriter.compact(.object(payload)).utf8))
        for (name, value) in customHeaders { post.setHeader(name, value) }
        try await post.apply(requestFilter)
        let response: OutboundResponse
        do {
            response = try await client.send(post.outbound)
        } catch {
            await ExchangeRecorder.record(.messageRequest, request: post, response: nil)
            throw VerificationError(kind: TransportErrors.verificationError(error).kind, message: "message endpoint \(error.description)")
        }
        await ExchangeRecorder.record(.messageRequest, request: post, response: ProviderResponse(response).recorded)
        guard (200..<300).contains(response.status) else {
            let body = Self.excerpt(response.body)
            let hint = response.status == 404 ? " (is the message endpoint path right? see --message-path)" : ""
            throw VerificationError(
                kind: .message,
                message: "the message endpoint \(target) answered \(response.status) instead of the message\(hint)"
                    + (body.isEmpty ? "" : ": \(body)"),
                status: response.status, body: body)
        }
        return MessagePayload(contents: Data(response.body), metadata: try metadata(of: response))
    }

    /// `contentType` from `Content-Type`, then every entry of the `Pact-Message-Metadata` JSON object. Other headers
    /// are not metadata: pact-reference reads only these two.
    private func metadata(of response: OutboundResponse) throws(VerificationError) -> [String: JSONValue] {
        var metadata: [String: JSONValue] = [:]
        if let contentType = response.values(forHeader: "Content-Type").first {
            metadata["contentType"] = .string(contentType)
        }
        guard let encoded = response.values(forHeader: "Pact-Message-Metadata").first else { return metadata }
        let trimmed = encoded.trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: trimmed) ?? Data(base64Encoded: Self.padded(trimmed)) else {
            throw VerificationError(kind: .message, message: "the message endpoint \(target) sent a Pact-Message-Metadata "
                                    + "header that is not base64: '\(Self.shortened(trimmed))'")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw VerificationError(kind: .message, message: "the message endpoint \(target) sent a Pact-Message-Metadata "
                                    + "header whose decoded text is not JSON (\(error)): '\(Self.excerpt(Array(data)))'")
        }
        guard case .object(let entries) = value else {
            throw VerificationError(kind: .message, message: "the message endpoint \(target) sent a Pact-Message-Metadata "
                                    + "header holding \(value.typeName), not a JSON object of metadata")
        }
        metadata.merge(entries.dictionary) { _, new in new }
        return metadata
    }

    /// Some encoders leave the `=` padding off.
    private static func padded(_ text: String) -> String {
        let remainder = text.count % 4
        return remainder == 0 ? text : text + String(repeating: "=", count: 4 - remainder)
    }

    static func excerpt(_ bytes: [UInt8]) -> String {
        shortened(String(decoding: bytes.prefix(echoLimit * 4), as: UTF8.self))
    }

    private static func shortened(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return line.count > echoLimit ? String(line.prefix(echoLimit)) + "…" : line
    }
}
