import Foundation

/// The lines `renderConsole(colour:verbose:)` shows for a recorded exchange: what the request was for, the request
/// line, header lines and body, then the status, header lines and body of the response; bodies beyond
/// `RecordedExchange.bodyLimit` bytes end with `… (N bytes more)`.
enum ExchangeConsoleText {
    static func lines(_ exchange: RecordedExchange, indent: String) -> [String] {
        let request = exchange.request
        var lines = ["\(indent)\(exchange.purpose.heading)", "\(indent)  \(request.method) \(request.url)"]
        lines += request.headers.map { "\(indent)  \($0.name): \($0.value)" }
        lines += body(request.body, indent: indent + "  ")
        guard let response = exchange.response else {
            lines.append("\(indent)No response received")
            return lines
        }
        lines += ["\(indent)Response received:", "\(indent)  \(response.status)"]
        lines += response.headers.map { "\(indent)  \($0.name): \($0.value)" }
        lines += body(response.body, indent: indent + "  ")
        return lines
    }

    /// A blank line and the body as UTF-8 text (or a note of its size when it is not text); nothing for no body.
    static func body(_ body: RecordedBody, indent: String) -> [String] {
        guard body.totalBytes > 0 else { return [] }
        guard let text = text(body.prefix) else { return [indent, "\(indent)(\(body.totalBytes) bytes, not UTF-8 text)"] }
        var lines = [indent] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)\($0)" }
        if body.omittedBytes > 0 { lines.append("\(indent)… (\(body.omittedBytes) bytes more)") }
        return lines
    }

    /// The bytes as UTF-8, allowing a character cut short at the end by the cap.
    private static func text(_ data: Data) -> String? {
        for cut in 0...min(3, data.count) {
            if let text = String(data: data.dropLast(cut), encoding: .utf8) { return text }
        }
        return nil
    }
}
