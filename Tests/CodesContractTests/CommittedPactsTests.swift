import Foundation
import PactModel
import XCTest

/// The pact files in `pacts/` read back as V4 pacts between the codes service and its consumers. Files are replaced
/// atomically, so this holds whenever it runs, even while the suites are rewriting them.
final class CommittedPactsTests: XCTestCase {
    func testEachConsumerPactReadsBackAsAV4HTTPPact() throws {
        for consumer in [UseAnLPAContractTests.consumer, SiriusContractTests.consumer] {
            let file = ContractPacts.file(consumer: consumer)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw XCTSkip("\(file.path) is not generated yet")
            }
            let pact = try PactReader.read(contentsOf: file)
            XCTAssertEqual(pact.consumer, consumer)
            XCTAssertEqual(pact.provider, "data-lpa-codes")
            XCTAssertEqual(pact.specVersion, .v4)
            XCTAssertFalse(pact.interactions.isEmpty, "\(file.lastPathComponent) has no interactions")
            XCTAssertEqual(pact.httpInteractions.count, pact.interactions.count, "\(file.lastPathComponent) holds only HTTP interactions")
            for interaction in pact.httpInteractions {
                XCTAssertEqual(interaction.request.method, "POST", interaction.info.description)
                XCTAssertTrue(interaction.request.path.hasPrefix("/v1/"), "\(interaction.info.description): \(interaction.request.path)")
            }
        }
    }
}
