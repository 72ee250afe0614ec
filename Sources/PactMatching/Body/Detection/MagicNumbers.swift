import PactModel

/// Recognises binary formats by their leading bytes ("magic numbers").
enum MagicNumbers {
    /// The content type whose signature `bytes` starts with, or nil.
    static func contentType(of bytes: [UInt8]) -> ContentType? {
        for signature in prefixes where starts(bytes, with: signature.bytes, at: signature.offset) {
            return ContentType(signature.mediaType)
        }
        return container(bytes).flatMap { ContentType($0) }
    }

    private struct Signature {
        var bytes: [UInt8]
        var offset = 0
        var mediaType: String
    }

    private static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Longer and more specific signatures come before shorter ones that share a start.
    private static let prefixes: [Signature] = [
        Signature(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], mediaType: "image/png"),
        Signature(bytes: [0xFF, 0xD8, 0xFF], mediaType: "image/jpeg"),
        Signature(bytes: ascii("GIF87a"), mediaType: "image/gif"),
        Signature(bytes: ascii("GIF89a"), mediaType: "image/gif"),
        Signature(bytes: ascii("%PDF-"), mediaType: "application/pdf"),
        Signature(bytes: ascii("%!PS"), mediaType: "application/postscript"),
        Signature(bytes: [0x50, 0x4B, 0x03, 0x04], mediaType: "application/zip"),
        Signature(bytes: [0x50, 0x4B, 0x05, 0x06], mediaType: "application/zip"),
        Signature(bytes: [0x50, 0x4B, 0x07, 0x08], mediaType: "application/zip"),
        Signature(bytes: [0x1F, 0x8B], mediaType: "application/gzip"),
        Signature(bytes: ascii("BZh"), mediaType: "application/x-bzip2"),
        Signature(bytes: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], mediaType: "application/x-xz"),
        Signature(bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], mediaType: "application/x-7z-compressed"),
        Signature(bytes: ascii("Rar!\u{1A}\u{07}"), mediaType: "application/vnd.rar"),
        Signature(bytes: [0x28, 0xB5, 0x2F, 0xFD], mediaType: "application/zstd"),
        Signature(bytes: ascii("II*\u{0}"), mediaType: "image/tiff"),
        Signature(bytes: ascii("MM\u{0}*"), mediaType: "image/tiff"),
        Signature(bytes: [0x00, 0x00, 0x01, 0x00], mediaType: "image/vnd.microsoft.icon"),
        Signature(bytes: ascii("8BPS"), mediaType: "image/vnd.adobe.photoshop"),
        Signature(bytes: [0xFF, 0x0A], mediaType: "image/jxl"),
        Signature(bytes: ascii("ID3"), mediaType: "audio/mpeg"),
        Signature(bytes: ascii("OggS"), mediaType: "audio/ogg"),
        Signature(bytes: ascii("fLaC"), mediaType: "audio/flac"),
        Signature(bytes: ascii("MThd"), mediaType: "audio/midi"),
        Signature(bytes: [0x1A, 0x45, 0xDF, 0xA3], mediaType: "video/webm"),
        Signature(bytes: ascii("wOFF"), mediaType: "font/woff"),
        Signature(bytes: ascii("wOF2"), mediaType: "font/woff2"),
        Signature(bytes: ascii("OTTO"), mediaType: "font/otf"),
        Signature(bytes: [0x00, 0x01, 0x00, 0x00, 0x00], mediaType: "font/ttf"),
        Signature(bytes: [0x00, 0x61, 0x73, 0x6D], mediaType: "application/wasm"),
        Signature(bytes: [0x7F, 0x45, 0x4C, 0x46], mediaType: "application/x-elf"),
        Signature(bytes: [0xCA, 0xFE, 0xBA, 0xBE], mediaType: "application/java-vm"),
        Signature(bytes: ascii("SQLite format 3\u{0}"), mediaType: "application/vnd.sqlite3"),
        Signature(bytes: ascii("{\\rtf"), mediaType: "application/rtf"),
        Signature(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], mediaType: "application/x-ole-storage"),
    ]

    /// Formats whose signature is not a plain prefix: RIFF containers, ISO media files and BMP.
    private static func container(_ bytes: [UInt8]) -> String? {
        if starts(bytes, with: ascii("RIFF")), bytes.count >= 12 {
            switch String(decoding: bytes[8..<12], as: UTF8.self) {
            case "WEBP": return "image/webp"
            case "WAVE": return "audio/wav"
            case "AVI ": return "video/x-msvideo"
            default: return nil
            }
        }
        if starts(bytes, with: ascii("ftyp"), at: 4), bytes.count >= 12 {
            switch String(decoding: bytes[8..<12], as: UTF8.self) {
            case "avif", "avis": return "image/avif"
            case "heic", "heix", "heim", "heis", "mif1", "msf1": return "image/heic"
            case "M4A ", "M4B ": return "audio/mp4"
            case "qt  ": return "video/quicktime"
            case "3gp4", "3gp5", "3gp6", "3g2a": return "video/3gpp"
            default: return "video/mp4"
            }
        }
        // "BM" alone would claim text such as "BMW"; the header's reserved bytes must be zero too.
        if starts(bytes, with: ascii("BM")), bytes.count >= 14, bytes[6..<10].allSatisfy({ $0 == 0 }) {
            return "image/bmp"
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], with prefix: [UInt8], at offset: Int = 0) -> Bool {
        bytes.count >= offset + prefix.count && bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
    }
}
