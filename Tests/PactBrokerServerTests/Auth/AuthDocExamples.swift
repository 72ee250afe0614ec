import PactBrokerServer

/// The example of `BrokerAuthConfiguration`'s doc comment, compiled; BrokerAuthTests checks it.
func brokerAuthDocCommentExample() -> BrokerAuthConfiguration {
    // doc-snippet: Sources/PactBrokerServer/Auth/BrokerAuthConfiguration.swift
    let auth = BrokerAuthConfiguration(
        readWrite: BrokerCredentials(username: "ci", password: "secret"),
        readOnly: BrokerCredentials(username: "viewer", password: "view"), allowPublicRead: false)
    // doc-snippet-end
    return auth
}
