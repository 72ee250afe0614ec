import Foundation
import TestSupport
import XCTest

/// What can be checked of the Apple platforms on a Linux machine without an Apple toolchain: the manifest declares
/// iOS beside macOS, the docs say so, and the consumer side's sources keep their Linux-only imports behind conditions
/// that an Apple build skips.
final class ApplePlatformsTests: XCTestCase {
    private let root = PackageRoot.url

    func testTheManifestDeclaresIOSAndMacOSAndTheDocsSaySo() throws {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let platforms = try XCTUnwrap(manifest.split(separator: "\n").first { $0.contains("platforms: [") })
        XCTAssertEqual(platforms.trimmingCharacters(in: .whitespaces), "platforms: [.macOS(.v14), .iOS(.v17)],")
        let guide = try String(contentsOf: root.appendingPathComponent("docs/consumer-https-and-apple-platforms.md"), encoding: .utf8)
        XCTAssertTrue(guide.contains("`Package.swift` declares macOS 14 and iOS 17"), "the guide names the platforms declared")
        XCTAssertTrue(guide.contains("PACT_OUTPUT_DIR"))
    }

    /// `import Glibc`/`Musl` only under `canImport`, FoundationNetworking only under `canImport`, and no `Process`
    /// (unavailable on iOS), in every module a consumer test links.
    func testTheConsumerSidesSourcesImportLinuxOnlyModulesOnlyUnderConditions() throws {
        let modules = ["HTTPSyntax", "PactModel", "PactMatching", "HTTPServerCore", "PactMockServer", "PactConsumer"]
        var checked = 0
        for module in modules {
            let folder = root.appendingPathComponent("Sources/\(module)")
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            for file in files {
                checked += 1
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (index, line) in lines.enumerated() {
                    let place = "\(module)/\(file.lastPathComponent):\(index + 1)"
                    for linuxOnly in ["Glibc", "Musl", "FoundationNetworking"] where line.hasPrefix("import \(linuxOnly)") {
                        let previous = index > 0 ? lines[index - 1] : ""
                        XCTAssertTrue(previous.contains("canImport(\(linuxOnly))"),
                                      "\(place): import \(linuxOnly) must follow #if/#elseif canImport(\(linuxOnly))")
                    }
                    XCTAssertFalse(line.contains("Process("), "\(place): Process is not available on iOS")
                }
            }
        }
        XCTAssertGreaterThan(checked, 50, "the sources were found")
    }
}
