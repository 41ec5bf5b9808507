/// One result row, by column name, with typed accessors that fail with the column's name instead of trapping.
public struct SQLRow: Sendable {
    public let values: [String: SQLValue]

    public init(_ values: [String: SQLValue]) {
        self.values = values
    }

    public subscript(_ column: String) -> SQLValue { values[column] ?? .null }

    public func int(_ column: String) throws(StoreError) -> Int64 {
        guard case let .integer(value) = self[column] else { throw .corrupt("column \(column) is not an integer") }
        return value
    }

    public func text(_ column: String) throws(StoreError) -> String {
        switch self[column] {
        case let .text(value): return value
        case let .blob(bytes): return String(decoding: bytes, as: UTF8.self)
        default: throw .corrupt("column \(column) is not text")
        }
    }

    public func optionalText(_ column: String) throws(StoreError) -> String? {
        if case .null = self[column] { return nil }
        return try text(column)
    }

    public func blob(_ column: String) throws(StoreError) -> [UInt8] {
        guard let bytes = self[column].bytes else { throw .corrupt("column \(column) is not a blob") }
        return bytes
    }
}
