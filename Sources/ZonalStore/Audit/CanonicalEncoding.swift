/// The versioned, fixed-order, length-prefixed binary encoding that audit leaves and object state hashes are computed over.
/// Each field is a 4-byte big-endian length followed by its bytes, so no two different field lists share an encoding
/// (unlike JSON with sorted keys, whose bytes depend on the serializer).
public struct CanonicalEncoding: Sendable {
    /// The first byte of every encoding; bump it when the field list changes.
    public static let version: UInt8 = 1

    public private(set) var bytes: [UInt8]

    public init() {
        bytes = [Self.version]
    }

    public mutating func append(_ field: [UInt8]) {
        let length = UInt32(field.count)
        bytes += [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)]
        bytes += field
    }

    public mutating func append(_ field: String) {
        append(Array(field.utf8))
    }

    /// An integer as 8 big-endian bytes (still length-prefixed, so every field reads the same way).
    public mutating func append(_ field: Int64) {
        let value = UInt64(bitPattern: field)
        append((0 ..< 8).map { UInt8(value >> (56 - 8 * $0) & 0xff) })
    }

    /// The encoding of a list of text fields in one call.
    public static func encode(_ fields: [String]) -> [UInt8] {
        var encoding = CanonicalEncoding()
        for field in fields { encoding.append(field) }
        return encoding.bytes
    }
}
