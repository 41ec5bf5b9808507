/// A 48-bit Ethernet MAC address, written `00:1a:2b:3c:4d:5e` (also accepts `-` separators).
public struct MACAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt64

    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "-" })
        guard parts.count == 6 else { return nil }
        var v: UInt64 = 0
        for part in parts {
            guard part.count == 2, let byte = UInt8(part, radix: 16) else { return nil }
            v = v << 8 | UInt64(byte)
        }
        value = v
    }

    public var description: String {
        (0..<6).map { i in
            let byte = UInt8(truncatingIfNeeded: value >> UInt64((5 - i) * 8))
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }
}
