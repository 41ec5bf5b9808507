/// A CIDR block such as `10.10.1.0/24` or `fd00:10::/64`; host bits must be zero.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// Why a CIDR text was refused, so the model loader can say how to fix it.
    public enum ParseError: Error, Equatable {
        case badAddress, badPrefix, hostBitsSet(suggested: String)
    }

    public init(address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `address/prefix`; a bare address is a host network (/32 or /128).
    public static func parse(_ text: String) throws(ParseError) -> IPNetwork {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(parts[0]) else { throw .badAddress }
        let width = address.family.bitWidth
        var prefix = width
        if parts.count == 2 {
            guard let p = Int(parts[1]), (0...width).contains(p) else { throw .badPrefix }
            prefix = p
        }
        let network = IPNetwork(address: address, prefixLength: prefix)
        let masked = network.first
        guard masked == address else {
            throw .hostBitsSet(suggested: "\(masked)/\(prefix)")
        }
        return network
    }

    /// Mask of the prefix over the 128-bit (high, low) representation.
    private var masks: (UInt64, UInt64) {
        let bits = prefixLength + (address.family == .v4 ? 96 : 0)
        let highMask: UInt64 = bits >= 64 ? ~0 : (bits == 0 ? 0 : ~0 << UInt64(64 - bits))
        let lowBits = bits - 64
        let lowMask: UInt64 = lowBits <= 0 ? 0 : (lowBits >= 64 ? ~0 : ~0 << UInt64(64 - lowBits))
        return (highMask, lowMask)
    }

    /// The lowest address of the block.
    public var first: IPAddress {
        let (h, l) = masks
        return IPAddress(family: address.family, high: address.high & h, low: address.low & l)
    }

    /// The highest address of the block.
    public var last: IPAddress {
        let (h, l) = masks
        let lowFill = address.family == .v4 ? ~l & 0xFFFF_FFFF : ~l
        return IPAddress(family: address.family, high: address.high | ~h, low: address.low | lowFill)
    }

    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.family == address.family else { return false }
        let (h, l) = masks
        return ip.high & h == address.high & h && ip.low & l == address.low & l
    }

    /// True when the two blocks share at least one address (CIDR blocks either nest or are disjoint).
    public func overlaps(_ other: IPNetwork) -> Bool {
        guard other.address.family == address.family else { return false }
        return prefixLength <= other.prefixLength ? contains(other.address) : other.contains(address)
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
