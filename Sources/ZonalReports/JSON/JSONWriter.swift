/// Writes JSON straight into bytes in exactly `JSONOutput`'s layout (two-space indent, `"key" : value`, slashes not
/// escaped, empty containers as Foundation prints them), for reports of thousands of rows, where `JSONEncoder` cost more
/// than reading the capture. Keys are written in the order given: callers give them in UTF-8 order, as `JSONOutput` sorts.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// No element written yet in the innermost open container.
    private var first = true
    private var afterKey = false

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The document as text, with the final newline `JSONOutput` adds.
    public var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }

    /// The order `JSONOutput` (Foundation's `.sortedKeys` on Linux) gives object keys.
    public static func keyOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    public mutating func key(_ name: String) {
        element()
        quoted(name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        afterKey = true
    }

    public mutating func string(_ value: String) {
        element()
        quoted(value)
    }

    public mutating func int(_ value: Int) {
        element()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        element()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    public mutating func null() {
        element()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `"key" : "value"`, and so on: the common fields in one call.
    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    /// Leaves the key out when the value is absent (as `JSONEncoder` does for optionals).
    public mutating func field(_ name: String, ifPresent value: String?) { if let value { field(name, value) } }
    public mutating func field(_ name: String, ifPresent value: Int?) { if let value { field(name, value) } }
    /// Writes `null` when the value is absent.
    public mutating func field(_ name: String, orNull value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
    public mutating func field(_ name: String, strings: [String]) {
        key(name)
        array { w in for s in strings { w.string(s) } }
    }
    public mutating func field(_ name: String, ints: [Int]) {
        key(name)
        array { w in for i in ints { w.int(i) } }
    }

    private mutating func element() {
        if afterKey {
            afterKey = false
            return
        }
        if !first { bytes.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        first = false
        writeIndent()
    }

    private mutating func open(_ bracket: UInt8) {
        element()
        bytes.append(bracket)
        bytes.append(0x0A)
        indent += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        indent -= 1
        writeIndent()
        bytes.append(bracket)
        first = false
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeIndent() {
        for _ in 0..<indent { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    /// The string quoted, with the escapes Foundation's encoder writes: quote, backslash, the short control escapes, `\u00XX` for the rest below 0x20.
    private mutating func quoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, byte])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, byte])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
