extension MatrixAnswer {
    /// The answer as the pact-broker CLI prints it: the verdict, the matrix as a table, the verification result
    /// URLs, then the notices (or the reason).
    public func table() -> String {
        var lines = [deployable == true ? "Computer says yes \\o/" : "Computer says no ¯\\_(ツ)_/¯", ""]
        if rows.isEmpty {
            lines.append("There are no rows in the matrix for this query.")
        } else {
            var results: [String] = []
            let body: [[String]] = rows.map { row in
                var number = ""
                if let url = row.verificationURL {
                    results.append(url + " (" + (row.success == true ? "success" : "failure") + ")")
                    number = String(results.count)
                }
                let success = row.success.map(String.init) ?? "???"
                return [row.consumer, row.consumerVersion ?? "???", row.provider, row.providerVersion ?? "???",
                        row.ignored ? "\(success) [ignored]" : success, number]
            }
            lines += Self.render(header: ["CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT#"], rows: body)
            if !results.isEmpty {
                lines += ["", "VERIFICATION RESULTS", "--------------------"]
                lines += results.enumerated().map { "\($0.offset + 1). \($0.element)" }
            }
        }
        lines.append("")
        if notices.isEmpty {
            if let reason { lines.append(reason) }
        } else {
            lines += notices.map(\.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(header: [String], rows: [[String]]) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: " | ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-")
        return [line(header), rule] + rows.map(line)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
