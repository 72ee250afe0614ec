/// A version of the Pact specification.
public enum PactSpecVersion: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case v1 = 10
    case v1_1 = 11
    case v2 = 20
    case v3 = 30
    case v4 = 40

    /// Reads the `pactSpecification.version` forms seen in the wild: `"1.0.0"`, `"1.1.0"`, `"2.0.0"`, `"3.0.0"`,
    /// `"4.0"`, `"4.0.0"`, `"V3"`, `"3"`.
    public init?(versionString: String) {
        var text = versionString.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("v") { text.removeFirst() }
        let parts = text.split(separator: ".").map(String.init)
        guard let major = parts.first.flatMap({ Int($0) }) else { return nil }
        let minor = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        switch (major, minor) {
        case (1, 0): self = .v1
        case (1, _): self = .v1_1
        case (2, _): self = .v2
        case (3, _): self = .v3
        case (4, _): self = .v4
        default: return nil
        }
    }

    /// The version string written into `metadata.pactSpecification.version`.
    public var versionString: String {
        switch self {
        case .v1: "1.0.0"
        case .v1_1: "1.1.0"
        case .v2: "2.0.0"
        case .v3: "3.0.0"
        case .v4: "4.0"
        }
    }

    /// `V` and the version string (`V3.0.0`), for messages.
    public var description: String { "V\(versionString)" }

    /// Orders versions from V1 to V4.
    public static func < (lhs: PactSpecVersion, rhs: PactSpecVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}

import Foundation
