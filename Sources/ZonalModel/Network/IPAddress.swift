/// An IPv4 or IPv6 address as a 128-bit number (IPv4 in the low 32 bits), so both families share one comparison and prefix logic.
public struct IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Family: Int, Sendable, Hashable, Comparable {
        case v4 = 4, v6 = 6
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
        /// Address width in bits.
        public var bitWidth: Int { self == .v4 ? 32 : 128 }
    }

    public let family: Family
    public let high: UInt64
    public let low: UInt64

    public init(family: Family, high: UInt64, low: UInt64) {
        self.family = family
        self.high = family == .v4 ? 0 : high
        self.low = family == .v4 ? low & 0xFFFF_FFFF : low
    }

    public init(v4 value: UInt32) {
        self.init(family: .v4, high: 0, low: UInt64(value))
    }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with `::` compression and an embedded IPv4 tail); nil otherwise.
    public init?(_ text: some StringProtocol) {
        if text.contains(":") {
            guard let (high, low) = IPAddress.parseV6(Substring(text)) else { return nil }
            self.init(family: .v6, high: high, low: low)
        } else {
            guard let v4 = IPAddress.parseV4(Substring(text)) else { return nil }
            self.init(v4: v4)
        }
    }

    static func parseV4(_ text: Substring) -> UInt32? {
        var value: UInt32 = 0
        var octets = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255 else { return nil }
            // Leading zeros are ambiguous (octal in some tools): refuse them.
            if part.count > 1 && part.first == "0" { return nil }
            value = value << 8 | octet
            octets += 1
        }
        return octets == 4 ? value : nil
    }

    static func parseV6(_ text: Substring) -> (UInt64, UInt64)? {
        var text = text
        if let percent = text.firstIndex(of: "%") { text = text[..<percent] } // zone index
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var result: [UInt16] = []
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i == parts.count - 1, part.contains(".") {
                    guard let v4 = parseV4(part) else { return nil }
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xFFFF))
                } else {
                    guard (1...4).contains(part.count), let g = UInt16(part, radix: 16) else { return nil }
                    result.append(g)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all: [UInt16]
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            all = head
        }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.family, lhs.high, lhs.low) < (rhs.family, rhs.high, rhs.low)
    }

    public var description: String {
        switch family {
        case .v4:
            let v = UInt32(truncatingIfNeeded: low)
            return "\(v >> 24).\(v >> 16 & 0xFF).\(v >> 8 & 0xFF).\(v & 0xFF)"
        case .v6:
            let groups = (0..<8).map { i -> UInt16 in
                let word = i < 4 ? high : low
                return UInt16(truncatingIfNeeded: word >> (UInt64(3 - i % 4) * 16))
            }
            // RFC 5952: compress the longest run (of two or more) of zero groups.
            var bestStart = -1, bestLength = 0, runStart = -1
            for i in 0...8 {
                if i < 8 && groups[i] == 0 {
                    if runStart < 0 { runStart = i }
                } else if runStart >= 0 {
                    if i - runStart > bestLength { bestStart = runStart; bestLength = i - runStart }
                    runStart = -1
                }
            }
            let hex = groups.map { String($0, radix: 16) }
            if bestLength < 2 { return hex.joined(separator: ":") }
            let head = hex[..<bestStart].joined(separator: ":")
            let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
            return head + "::" + tail
        }
    }
}
