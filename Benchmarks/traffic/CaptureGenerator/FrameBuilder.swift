import ZonalModel

/// One end of generated traffic: an address and the MAC it sends from.
public struct Host: Sendable, Hashable {
    public var ip: IPAddress
    public var mac: UInt64

    public init(_ ip: String, mac: UInt64) {
        self.ip = IPAddress(ip)!
        self.mac = mac
    }
}

/// Builds Ethernet/802.1Q/IPv4/IPv6/TCP/UDP frames byte by byte, big-endian as on the wire.
public enum FrameBuilder {
    static func be16(_ v: UInt16, into out: inout [UInt8]) { out.append(UInt8(v >> 8)); out.append(UInt8(v & 0xFF)) }
    static func be32(_ v: UInt32, into out: inout [UInt8]) { be16(UInt16(v >> 16), into: &out); be16(UInt16(v & 0xFFFF), into: &out) }
    static func be64(_ v: UInt64, into out: inout [UInt8]) { be32(UInt32(v >> 32), into: &out); be32(UInt32(v & 0xFFFF_FFFF), into: &out) }

    /// Ethernet header with optional tags (the first is the outer one: 0x88A8 when there are two, as in QinQ).
    public static func ethernet(source: UInt64, destination: UInt64, vlans: [UInt16] = [], etherType: UInt16, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 22)
        for shift in stride(from: 40, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: destination >> UInt64(shift))) }
        for shift in stride(from: 40, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: source >> UInt64(shift))) }
        for (i, vlan) in vlans.enumerated() {
            be16(vlans.count > 1 && i == 0 ? 0x88A8 : 0x8100, into: &out)
            be16(vlan, into: &out)
        }
        be16(etherType, into: &out)
        out += payload
        // Ethernet minimum frame (60 bytes without FCS): pad, as real NICs do; decoders must ignore the padding.
        if out.count < 60 { out += [UInt8](repeating: 0, count: 60 - out.count) }
        return out
    }

    /// An IPv4 or IPv6 packet (by the addresses' family) around a transport segment.
    public static func ip(source: IPAddress, destination: IPAddress, protocol proto: UInt8, payload: [UInt8], identification: UInt16 = 0,
                          fragmentOffset: UInt16 = 0, moreFragments: Bool = false) -> (etherType: UInt16, bytes: [UInt8]) {
        var out: [UInt8] = []
        if source.family == .v4 {
            out.reserveCapacity(20 + payload.count)
            out += [0x45, 0]
            be16(UInt16(20 + payload.count), into: &out)
            be16(identification, into: &out)
            be16((moreFragments ? 0x2000 : 0) | fragmentOffset, into: &out)
            out += [64, proto, 0, 0]
            be32(UInt32(truncatingIfNeeded: source.low), into: &out)
            be32(UInt32(truncatingIfNeeded: destination.low), into: &out)
            var sum: UInt32 = 0
            for i in stride(from: 0, to: 20, by: 2) { sum += UInt32(out[i]) << 8 | UInt32(out[i + 1]) }
            while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
            let checksum = ~UInt16(sum)
            out[10] = UInt8(checksum >> 8)
            out[11] = UInt8(checksum & 0xFF)
            out += payload
            return (0x0800, out)
        }
        out.reserveCapacity(40 + payload.count)
        out += [0x60, 0, 0, 0]
        be16(UInt16(payload.count), into: &out)
        out += [proto, 64]
        be64(source.high, into: &out); be64(source.low, into: &out)
        be64(destination.high, into: &out); be64(destination.low, into: &out)
        out += payload
        return (0x86DD, out)
    }

    /// One fragment of a datagram: IPv4 with its offset and more-fragments flag, or IPv6 with a fragment header (RFC 8200).
    /// `offset` is in bytes, a multiple of 8.
    public static func fragment(source: IPAddress, destination: IPAddress, protocol proto: UInt8, payload: [UInt8], identification: UInt32,
                                offset: Int, more: Bool) -> (etherType: UInt16, bytes: [UInt8]) {
        guard source.family == .v6 else {
            return ip(source: source, destination: destination, protocol: proto, payload: payload, identification: UInt16(truncatingIfNeeded: identification),
                      fragmentOffset: UInt16(offset / 8), moreFragments: more)
        }
        var header: [UInt8] = [proto, 0]
        be16(UInt16(offset) | (more ? 1 : 0), into: &header)
        be32(identification, into: &header)
        return ip(source: source, destination: destination, protocol: 44, payload: header + payload)
    }

    public static func tcp(sourcePort: UInt16, destinationPort: UInt16, sequence: UInt32, acknowledgement: UInt32, flags: UInt8,
                           payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(20 + payload.count)
        be16(sourcePort, into: &out); be16(destinationPort, into: &out)
        be32(sequence, into: &out); be32(acknowledgement, into: &out)
        out += [0x50, flags]
        be16(64240, into: &out)
        out += [0, 0, 0, 0]
        out += payload
        return out
    }

    public static func udp(sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        be16(sourcePort, into: &out); be16(destinationPort, into: &out)
        be16(UInt16(8 + payload.count), into: &out)
        out += [0, 0]
        out += payload
        return out
    }
}
