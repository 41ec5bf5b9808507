import ZonalModel

/// One concrete packet, for asking a ruleset what it does with it.
public struct Packet: Hashable, Sendable, CustomStringConvertible {
    public var source: IPAddress
    public var destination: IPAddress
    public var proto: Int
    public var sourcePort: Int
    public var destinationPort: Int
    public var inInterface: String?
    public var outInterface: String?
    public var state: ConnectionState

    public init(source: IPAddress, destination: IPAddress, proto: Int, sourcePort: Int = 0, destinationPort: Int = 0,
                inInterface: String? = nil, outInterface: String? = nil, state: ConnectionState = .new) {
        self.source = source
        self.destination = destination
        self.proto = proto
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.inInterface = inInterface
        self.outInterface = outInterface
        self.state = state
    }

    /// The reply the other end sends back within the same connection.
    public var reply: Packet {
        Packet(source: destination, destination: source, proto: proto, sourcePort: destinationPort, destinationPort: sourcePort,
               inInterface: outInterface, outInterface: inInterface, state: .established)
    }

    public var description: String {
        "\(ProtocolNumbers.name(proto)) \(source):\(sourcePort) -> \(destination):\(destinationPort)"
    }
}

extension RulesetEvaluator {
    /// The one-point box of a packet.
    public func box(for packet: Packet) -> PacketBox {
        var box = PacketBox(family: packet.source.family, interfaces: interfaces.count)
        box[.source] = Interval(SpaceValue(packet.source), SpaceValue(packet.source))
        box[.destination] = Interval(SpaceValue(packet.destination), SpaceValue(packet.destination))
        box[.proto] = .single(packet.proto)
        box[.sourcePort] = .single(packet.sourcePort)
        box[.destinationPort] = .single(packet.destinationPort)
        if let name = packet.inInterface { box[.inInterface] = .single(interfaces.index(of: name)) }
        if let name = packet.outInterface { box[.outInterface] = .single(interfaces.index(of: name)) }
        box[.state] = .single(packet.state.rawValue)
        return box
    }

    /// The decision for one packet (interfaces left unnamed mean any, so a rule on an interface may split the answer; the first part is returned).
    public func decision(for packet: Packet) -> Decision {
        decide([box(for: packet)])[0]
    }

    /// Whether a connection opened by `packet` works: the opening packet is accepted and, for TCP, so is the reply that completes the handshake.
    public func connectionPermitted(_ packet: Packet) -> Bool {
        guard decision(for: packet).verdict == .accept else { return false }
        return packet.proto != ProtocolNumbers.tcp || decision(for: packet.reply).verdict == .accept
    }
}

/// IANA protocol numbers of the protocols firewall rules name.
public enum ProtocolNumbers {
    public static let icmp = 1, tcp = 6, udp = 17, icmpv6 = 58, sctp = 132
    /// Protocols with ports, as nftables' `th` (transport header) matches them.
    public static let withPorts = [6, 17, 33, 132, 136]

    static let byName: [String: Int] = [
        "icmp": 1, "igmp": 2, "tcp": 6, "udp": 17, "gre": 47, "esp": 50, "ah": 51, "icmpv6": 58, "ipv6-icmp": 58,
        "ipv6-nonxt": 59, "ospf": 89, "ospfigp": 89, "vrrp": 112, "sctp": 132, "udplite": 136, "dccp": 33,
    ]

    /// The number of a protocol name or numeral.
    public static func number(_ text: String) -> Int? {
        if let n = Int(text), (0...255).contains(n) { return n }
        return byName[text.lowercased()]
    }

    public static func name(_ number: Int) -> String {
        switch number {
        case 1: "icmp"
        case 6: "tcp"
        case 17: "udp"
        case 58: "icmpv6"
        case 132: "sctp"
        default: byName.first { $0.value == number }?.key ?? "proto-\(number)"
        }
    }
}
