import ZonalModel

/// What the link, network and transport headers of one packet say: addresses, ports and where the payload lies.
public struct DecodedPacket {
    /// What was found above the link layer.
    public enum Network: UInt8 {
        /// IPv4 or IPv6 with a TCP or UDP header (or another IP protocol, ports then zero).
        case ip
        /// An IPv4 or IPv6 fragment: `ipPacket` and `payload` say where its header and its fragmentable part lie, for
        /// `IPFragmentReassembler`.
        case ipFragment
        /// An Ethernet frame that is not IP (ARP, GOOSE, Profinet, LLDP...): `etherType` says which.
        case ethernet
        /// The snapshot length cut the transport header: counted, not dissected.
        case truncated
        /// Too short or an unsupported link type.
        case undecodable
    }

    public var network: Network = .undecodable
    public var sourceMAC: UInt64 = 0
    public var destinationMAC: UInt64 = 0
    public var etherType: UInt16 = 0
    /// The outermost 802.1Q VLAN id; 0 when untagged.
    public var vlan: UInt16 = 0
    public var source = IPAddress(v4: 0)
    public var destination = IPAddress(v4: 0)
    /// IP protocol number: 6 TCP, 17 UDP.
    public var ipProtocol: UInt8 = 0
    public var sourcePort: UInt16 = 0
    public var destinationPort: UInt16 = 0
    public var tcpFlags: UInt8 = 0
    public var tcpSequence: UInt32 = 0
    /// The transport payload (IP payload length honoured, so Ethernet padding is excluded).
    public var payload = ByteView(base: nil, count: 0)
    /// For a fragment only: the IP packet from its first header byte (its unfragmentable part ends where `payload` starts).
    public var ipPacket = ByteView(base: nil, count: 0)
    /// The bytes after the Ethernet header for non-IP frames.
    public var linkPayload = ByteView(base: nil, count: 0)

    public init() {}

    public static let tcp: UInt8 = 6
    public static let udp: UInt8 = 17
    public var isSYN: Bool { tcpFlags & 0x02 != 0 }
    public var isACK: Bool { tcpFlags & 0x10 != 0 }
    public var isFIN: Bool { tcpFlags & 0x01 != 0 }
    public var isRST: Bool { tcpFlags & 0x04 != 0 }
}
