import PactMatching
import PactModel

extension PartCompiler {
    /// A declared request must match itself under its own rules; anything else means the pact would contradict its
    /// examples (a backstop behind the checks each matcher makes).
    mutating func checkSelfMatch(_ request: PactRequest) {
        for mismatch in RequestMatching.match(expected: request, actual: request, version: version) {
            fail("the example does not satisfy its own matching rules: \(mismatch.message)", part: "request \(part(of: mismatch))")
        }
    }

    mutating func checkSelfMatch(_ response: PactResponse) {
        for mismatch in ResponseMatching.match(expected: response, actual: response, version: version) {
            fail("the example does not satisfy its own matching rules: \(mismatch.message)", part: "response \(part(of: mismatch))")
        }
    }

    private func part(of mismatch: Mismatch) -> String {
        mismatch.path.isEmpty ? mismatch.kind.rawValue : "\(mismatch.kind.rawValue) \(mismatch.path)"
    }
}
