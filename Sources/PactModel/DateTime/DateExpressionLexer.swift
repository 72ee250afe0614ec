/// Splits a date or time expression into numbers, lower-cased words and `+`/`-` signs.
struct DateExpressionLexer {
    enum Kind: Equatable {
        case number(Int)
        case word(String)
        case plus
        case minus
    }

    struct Token {
        var kind: Kind
        /// Offset in the whole expression.
        var offset: Int
    }

    private var tokens: [Token]
    private var index = 0
    private let expression: String
    private let endOffset: Int

    init(_ text: ArraySlice<Character>, offset: Int, expression: String) throws(DateExpressionError) {
        self.expression = expression
        endOffset = offset + text.count
        var tokens: [Token] = []
        var i = text.startIndex
        func at(_ index: Int) -> Int { offset + (index - text.startIndex) }
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                i += 1
            } else if c == "+" || c == "-" {
                tokens.append(Token(kind: c == "+" ? .plus : .minus, offset: at(i)))
                i += 1
            } else if c.isASCII && c.isNumber {
                let start = i
                while i < text.endIndex, text[i].isASCII, text[i].isNumber { i += 1 }
                guard let n = Int(String(text[start..<i])) else {
                    throw DateExpressionError(expression: expression, offset: at(start), reason: "number too large")
                }
                tokens.append(Token(kind: .number(n), offset: at(start)))
            } else if c.isLetter {
                let start = i
                while i < text.endIndex, text[i].isLetter || text[i] == "'" { i += 1 }
                tokens.append(Token(kind: .word(String(text[start..<i]).lowercased()), offset: at(start)))
            } else {
                throw DateExpressionError(expression: expression, offset: at(i), reason: "unexpected character '\(c)'")
            }
        }
        self.tokens = tokens
    }

    var peek: Token? { index < tokens.count ? tokens[index] : nil }

    mutating func advance() { index += 1 }

    /// An error at the current token (or at the end of the expression part).
    func error(_ reason: String) -> DateExpressionError {
        let offset = index < tokens.count ? tokens[index].offset : (index > 0 ? tokens[index - 1].offset : endOffset)
        return DateExpressionError(expression: expression, offset: offset, reason: reason)
    }

    /// `+ N unit`, `- N unit`, `next unit` or `last unit`, as (sign, amount, unit word).
    mutating func adjustment() throws(DateExpressionError) -> (Int, Int, String) {
        guard let first = peek else { throw error("expected an adjustment") }
        let sign: Int
        var amount = 1
        switch first.kind {
        case .plus, .minus:
            sign = first.kind == .plus ? 1 : -1
            advance()
            guard case .number(let n)? = peek?.kind else { throw error("expected a number after '\(sign > 0 ? "+" : "-")'") }
            amount = n
            advance()
        case .word("next"): sign = 1; advance()
        case .word("last"): sign = -1; advance()
        default: throw error("expected '+', '-', 'next' or 'last'")
        }
        guard case .word(let unit)? = peek?.kind else { throw error("expected a unit") }
        advance()
        return (sign, amount, unit)
    }
}
