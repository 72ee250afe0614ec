import Foundation
import PactOpenAPI
import TestSupport
import XCTest

/// A fixture file's path.
func fixture(_ relative: String) -> String {
    PackageRoot.url.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}

/// The error reading `text` gives, or a test failure when it reads.
func readingError(_ text: String, name: String = "doc.yaml", file: StaticString = #filePath, line: UInt = #line) -> OpenAPIDocumentError? {
    do {
        _ = try OpenAPIDocumentReader.read(text: text, name: name)
        XCTFail("the document was read", file: file, line: line)
        return nil
    } catch {
        return error
    }
}
