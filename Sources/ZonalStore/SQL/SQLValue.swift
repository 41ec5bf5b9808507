/// A value bound to or read from SQL, in the few types both databases share.
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null

    /// The bytes of a text or blob value (text as UTF-8); the audit verifier hashes these, whatever type a tampered
    /// column now holds.
    public var bytes: [UInt8]? {
        switch self {
        case let .text(text): Array(text.utf8)
        case let .blob(bytes): bytes
        case .integer, .null: nil
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension Optional where Wrapped == String {
    var sql: SQLValue { map(SQLValue.text) ?? .null }
}
