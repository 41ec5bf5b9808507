import ZonalModel

/// One condition of a rule, in terms the packet space can represent exactly. A rule's conditions all have to hold.
public enum RuleCondition: Hashable, Sendable {
    /// Only packets of this address family (an `ip` or `ip6` match, an `ip6tables` table).
    case family(IPAddress.Family)
    /// Source or destination address within (or, negated, outside) the ranges.
    case addresses(Dimension, [AddressRange], negated: Bool)
    /// Protocol or port values within (or outside) the ranges.
    case values(Dimension, [ClosedRange<Int>], negated: Bool)
    /// Input or output interface named (or not); a name ending in `+` or `*` is a prefix.
    case interfaces(Dimension, [String], negated: Bool)
    /// Connection-tracking state among these.
    case states(Set<ConnectionState>)
}

/// An inclusive range of addresses of one family: a CIDR block, an `iprange` or an nftables `a-b` range.
public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
    public let lower: IPAddress
    public let upper: IPAddress

    public init(_ lower: IPAddress, _ upper: IPAddress) {
        self.lower = lower
        self.upper = upper
    }

    public init(_ network: IPNetwork) {
        self.init(network.first, network.last)
    }

    public var family: IPAddress.Family { lower.family }

    /// Parses `a.b.c.d`, `a.b.c.d/len`, `a.b.c.d/255.255.0.0` or `a-b`; nil when it is none of these. Host bits are ignored as the tools do.
    public static func parse(_ text: some StringProtocol) -> AddressRange? {
        let text = String(text)
        if let dash = text.firstIndex(of: "-"), !text.contains("/") {
            guard let a = IPAddress(text[..<dash]), let b = IPAddress(text[text.index(after: dash)...]), a.family == b.family, a <= b else { return nil }
            return AddressRange(a, b)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(parts[0]) else { return nil }
        var prefix = address.family.bitWidth
        if parts.count == 2 {
            if let p = Int(parts[1]), (0...address.family.bitWidth).contains(p) {
                prefix = p
            } else if address.family == .v4, let mask = IPAddress(parts[1]), mask.family == .v4 {
                let bits = UInt32(truncatingIfNeeded: mask.low)
                guard bits.nonzeroBitCount + bits.trailingZeroBitCount == 32 else { return nil }
                prefix = bits.nonzeroBitCount
            } else {
                return nil
            }
        }
        let network = IPNetwork(address: address, prefixLength: prefix)
        return AddressRange(IPNetwork(address: network.first, prefixLength: prefix))
    }

    public var description: String {
        if lower == upper { return lower.description }
        // Print as a CIDR block when it is one.
        let width = lower.family.bitWidth
        for prefix in 0...width {
            let network = IPNetwork(address: lower, prefixLength: prefix)
            if network.first == lower && network.last == upper { return network.description }
        }
        return "\(lower)-\(upper)"
    }
}
