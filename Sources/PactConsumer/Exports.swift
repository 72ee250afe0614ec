// One `import PactConsumer` is enough for a consumer test: the mock provider handle and its https types from PactMockServer, `Mismatch`
// from PactMatching, and from PactModel the types a test names when it builds interactions or inspects a written
// pact (`JSONValue`, `PactSpecVersion`, `StatusCodeClass`, `PactReader`, `Pact`, `HTTPInteraction`, `PactRequest`, …).
//
// Only those are re-exported, one by one: PactModel's other names (`Headers`, `Body`, `ContentType`, `Interaction`,
// `Generator`, …) are common words that other packages a test imports also use (swift-http-types' `HTTPRequest`
// and `HTTPResponse`, which PactModel's `PactRequest`/`PactResponse` are named not to clash with, Hummingbird,
// swift-openapi-generator clients). A test that wants all of PactModel imports it.
//
// `@_exported import` rather than typealiases: a test that also imports PactModel itself would otherwise see two
// declarations of each name ("'JSONValue' is ambiguous for type lookup").
@_exported import class PactMockServer.MockServer
@_exported import enum PactMockServer.MockServerTLS
@_exported import struct PactMockServer.MockServerCertificate
@_exported import struct PactMockServer.MockServerTLSError
#if canImport(Security) && canImport(Darwin)
@_exported import class PactMockServer.MockServerTrustDelegate
#endif
@_exported import struct PactMatching.Mismatch
@_exported import enum PactModel.JSONValue
@_exported import struct PactModel.JSONNumber
@_exported import enum PactModel.PactSpecVersion
@_exported import enum PactModel.StatusCodeClass
@_exported import enum PactModel.PactReader
@_exported import struct PactModel.PactError
@_exported import struct PactModel.Pact
@_exported import struct PactModel.HTTPInteraction
@_exported import struct PactModel.PactRequest
@_exported import struct PactModel.PactResponse
@_exported import struct PactModel.InteractionInfo
@_exported import struct PactModel.ProviderState
@_exported import struct PactModel.MessageInteraction
@_exported import struct PactModel.SynchronousMessageInteraction
@_exported import struct PactModel.MessagePayload
@_exported import struct PactModel.MessageContents
