import Foundation
import PactModel

/// Guesses a body's content type from its bytes when no header says.
enum ContentTypeDetector {
    static func detect(_ data: Data) -> ContentType? {
        // Placeholder until detection lands.
        nil
    }
}
