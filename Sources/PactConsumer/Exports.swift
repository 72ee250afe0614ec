// One `import PactConsumer` is enough for a consumer test: the types the DSL takes and gives (`JSONValue`,
// `PactSpecVersion`, `StatusCodeClass`, `HTTPInteraction`, `PactReader` to inspect a written pact…) come from
// PactModel, the mock provider handle from PactMockServer and `Mismatch` from PactMatching.
//
// `@_exported import` rather than typealiases: a test that also imports PactModel itself would otherwise see two
// declarations of each name ("'JSONValue' is ambiguous for type lookup"), and a typealias does not bring the
// model's free functions and extensions along. PactModel is re-exported whole (it is the vocabulary of pacts);
// only the one type each is taken from the server and matching modules, whose other API is not the DSL's.
@_exported import PactModel
@_exported import class PactMockServer.MockServer
@_exported import struct PactMatching.Mismatch
