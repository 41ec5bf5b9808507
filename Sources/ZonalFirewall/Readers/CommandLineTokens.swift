/// Splits a configuration line into shell-like words (double quotes group, backslash escapes), keeping each word's column.
struct CommandLineTokens {
    struct Token {
        let text: String
        let column: Int
    }

    /// A quote left open, at this column.
    struct UnclosedQuote: Error { let column: Int }

    static func split(_ line: Substring) -> Result<[Token], UnclosedQuote> {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var inToken = false
        var quoteColumn: Int?
        var escaped = false
        for (offset, ch) in line.enumerated() {
            let column = offset + 1
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" {
                escaped = true
                if !inToken { inToken = true; start = column }
                continue
            }
            if ch == "\"" {
                if quoteColumn == nil {
                    quoteColumn = column
                    if !inToken { inToken = true; start = column }
                } else {
                    quoteColumn = nil
                }
                continue
            }
            if quoteColumn == nil && (ch == " " || ch == "\t") {
                if inToken { tokens.append(Token(text: current, column: start)); current = ""; inToken = false }
                continue
            }
            if !inToken { inToken = true; start = column }
            current.append(ch)
        }
        if let quoteColumn { return .failure(UnclosedQuote(column: quoteColumn)) }
        if inToken { tokens.append(Token(text: current, column: start)) }
        return .success(tokens)
    }
}
