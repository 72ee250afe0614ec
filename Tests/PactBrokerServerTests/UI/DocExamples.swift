import Foundation
import PactBrokerServer

/// The example of `BrokerPages`' doc comment, compiled; IndexPageTests calls it.
func brokerPagesDocCommentExample(published: Date) throws -> String {
    // doc-snippet: Sources/PactBrokerServer/UI/Rendering/BrokerPages.swift
    let pages = try BrokerPages()
    let html = pages.index([IndexPageRow(consumer: "web", provider: "orders", latestPactPublishedAt: published)])
    // doc-snippet-end
    return html
}
