/// Makes model text safe inside Markdown: table cells keep to one cell, and nothing a model says turns into markup or HTML.
public enum MarkdownText {
    /// Text for a table cell: pipes escaped, line breaks flattened, Markdown and HTML punctuation escaped.
    public static func cell(_ text: String) -> String {
        inline(text)
    }

    /// Text for running prose: backslash-escapes the characters that start markup or HTML.
    public static func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }
}
