import ZonalReports
/// HTML text built by escaping every interpolated value: `HTML` values are trusted markup, `String`s never are.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var description: String

    public init(stringLiteral value: String) { description = value }

    public init(stringInterpolation: Interpolation) { description = stringInterpolation.text }

    init(trusted text: String) { description = text }

    /// Appends in place: a page grown part by part is not copied whole for every part, as `"\(page)\(part)"` would be.
    mutating func append(_ other: HTML) { description += other.description }

    /// Interpolation escapes strings and numbers; nested `HTML` is inserted as is.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: Int64) { text += String(value) }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { text += value.description }
        public mutating func appendInterpolation(_ values: [HTML]) { text += values.map(\.description).joined() }
    }

    /// Escapes the five characters that matter in text and attribute values.
    public static func escape(_ text: String) -> String {
        MarkupText.escape(text)
    }
}
