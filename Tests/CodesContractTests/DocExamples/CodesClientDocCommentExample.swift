import CodesClient
import Foundation

/// The example of `CodesClient`'s doc comment, compiled (never called: it would call lpa-codes.example).
func codesClientDocCommentExample() async throws {
    // doc-snippet: Sources/CodesClient/CodesClient.swift
    let client = CodesClient(baseURL: URL(string: "https://lpa-codes.example")!, authorization: "Bearer …")
    let result = try await client.validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
    if result.actor != nil { try await client.markUsed(code: "YSR5GNXKXAU3") }
    // doc-snippet-end
}
