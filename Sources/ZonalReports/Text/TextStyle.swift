import ZonalAnalysis

/// ANSI colour and emphasis for terminal output; `plain` when writing to a pipe or file, or when NO_COLOR is set.
public struct TextStyle: Sendable {
    public let colored: Bool

    public init(colored: Bool) { self.colored = colored }

    public static let plain = TextStyle(colored: false)

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func green(_ text: String) -> String { wrap(text, "32") }

    public func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: wrap(text, "1;35")
        case .high: wrap(text, "1;31")
        case .medium: wrap(text, "33")
        case .low: wrap(text, "36")
        case .info: wrap(text, "2")
        }
    }
}

/// Pads cells to aligned columns; widths count characters, not bytes, and ignore colour codes.
public struct TextTable {
    public var rows: [[String]] = []

    public init() {}

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(indent: String = "") -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.visibleWidth(cell)) }
        }
        return rows.map { row in
            indent + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - TextTable.visibleWidth(cell))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            width += 1
        }
        return width
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
