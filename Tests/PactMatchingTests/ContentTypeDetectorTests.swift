import Foundation
import PactModel
import XCTest

@testable import PactMatching

final class ContentTypeDetectorTests: XCTestCase {
    private func detect(_ bytes: [UInt8]) -> String? { ContentTypeDetector.detect(Data(bytes))?.essence }
    private func detect(_ text: String) -> String? { ContentTypeDetector.detect(Data(text.utf8))?.essence }
    private func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: 32) }

    func testEmptyBodyHasNoType() {
        XCTAssertNil(ContentTypeDetector.detect(Data()))
    }

    func testImageSignatures() {
        XCTAssertEqual(detect(padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])), "image/png")
        XCTAssertEqual(detect(padded([0xFF, 0xD8, 0xFF, 0xE0])), "image/jpeg")
        XCTAssertEqual(detect(padded(Array("GIF89a".utf8))), "image/gif")
        XCTAssertEqual(detect(padded(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8))), "image/webp")
        XCTAssertEqual(detect(padded(Array("II*".utf8) + [0])), "image/tiff")
        XCTAssertEqual(detect(padded(Array("MM".utf8) + [0, 0x2A])), "image/tiff")
        XCTAssertEqual(detect([0x42, 0x4D, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28]), "image/bmp")
    }

    func testDocumentAndArchiveSignatures() {
        XCTAssertEqual(detect("%PDF-1.7\n%âãÏÓ"), "application/pdf")
        XCTAssertEqual(detect(padded([0x50, 0x4B, 0x03, 0x04])), "application/zip")
        XCTAssertEqual(detect(padded([0x1F, 0x8B, 0x08])), "application/gzip")
        XCTAssertEqual(detect(padded([0, 0, 0, 0x18] + Array("ftypmp42".utf8))), "video/mp4")
        XCTAssertEqual(detect(padded(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8))), "audio/wav")
    }

    func testTextThatMerelyStartsLikeASignatureIsText() {
        XCTAssertEqual(detect("BMW is a car maker"), "text/plain")
        XCTAssertEqual(detect("RIFF raff"), "text/plain")
    }

    func testJSONMustParse() {
        XCTAssertEqual(detect("  {\"a\": [1, 2]}\n"), "application/json")
        XCTAssertEqual(detect("[1, 2, 3]"), "application/json")
        XCTAssertEqual(detect("{not json"), "text/plain")
        XCTAssertEqual(detect("\u{FEFF}{\"a\": 1}"), "application/json")
    }

    func testXMLHTMLAndSVG() {
        XCTAssertEqual(detect("<?xml version=\"1.0\"?><alligator name=\"Mary\"/>"), "application/xml")
        XCTAssertEqual(detect("<alligator name=\"Mary\"/>"), "application/xml")
        XCTAssertEqual(detect("<!-- note --><a:b xmlns:a=\"urn:a\"/>"), "application/xml")
        XCTAssertEqual(detect("<!DOCTYPE html><html><body>hi</body></html>"), "text/html")
        XCTAssertEqual(detect("<html lang=\"en\"></html>"), "text/html")
        XCTAssertEqual(detect("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml")
        XCTAssertEqual(detect("< not a tag"), "text/plain")
    }

    func testPlainTextAndBinaryFallback() {
        XCTAssertEqual(detect("Hello, world!\nTabs\tand Ünïcödé are fine."), "text/plain")
        XCTAssertEqual(detect("a=1&b=2"), "text/plain")
        XCTAssertEqual(detect([0x48, 0x69, 0x01, 0x02]), "application/octet-stream")
        XCTAssertEqual(detect([0xC3, 0x28, 0x41]), "application/octet-stream")
    }

    func testUTF16TextWithByteOrderMark() {
        var data = Data([0xFF, 0xFE])
        data.append("<alligator/>".data(using: .utf16LittleEndian) ?? Data())
        XCTAssertEqual(ContentTypeDetector.detect(data)?.essence, "application/xml")
    }
}
