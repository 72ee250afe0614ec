import Foundation

/// The package's root folder: the nearest folder above this file holding `Package.swift`, whatever the working
/// directory the tests run in.
public enum PackageRoot {
    /// The root folder; the working directory when no `Package.swift` is found above (never inside the package).
    public static let url: URL = {
        var folder = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
}
