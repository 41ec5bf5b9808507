/// A position in a model file (1-based line and column), carried by every model object so findings can point at it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Used for objects that a model did not write (defaults, synthesized values).
    public static func unknown(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
