import ZonalModel

/// Decodes link (Ethernet with 802.1Q/QinQ tags, Linux cooked v1/v2, raw IP, BSD loopback), IPv4/IPv6 and TCP/UDP headers.
///
/// Hand-written for line rate: one pass over the headers with bounds-checked reads, no allocation per packet.
public enum PacketDecoder {
    public static func decode(_ packet: CapturedPacket) -> DecodedPacket {
        var out = DecodedPacket()
        let data = packet.data
        switch packet.linkType {
        case LinkType.ethernet:
            decodeEthernet(data, into: &out)
        case LinkType.linuxSLL:
            guard let proto = data.u16be(14), let rest = data.suffix(from: 16) else { return out }
            decodeEtherType(proto, rest, into: &out)
        case LinkType.linuxSLL2:
            guard let proto = data.u16be(0), let rest = data.suffix(from: 20) else { return out }
            decodeEtherType(proto, rest, into: &out)
        case LinkType.raw, LinkType.ipv4, LinkType.ipv6, 12, 14:
            decodeIP(data, into: &out)
        case LinkType.null:
            guard let rest = data.suffix(from: 4) else { return out }
            decodeIP(rest, into: &out)
        default:
            break
        }
        return out
    }

    static func decodeEthernet(_ data: ByteView, into out: inout DecodedPacket) {
        guard let dHigh = data.u32be(0), let dLow = data.u16be(4), let sHigh = data.u32be(6), let sLow = data.u16be(10),
              var type = data.u16be(12) else { return }
        out.destinationMAC = UInt64(dHigh) << 16 | UInt64(dLow)
        out.sourceMAC = UInt64(sHigh) << 16 | UInt64(sLow)
        var offset = 14
        // 802.1Q (0x8100), 802.1ad QinQ (0x88A8) and the pre-standard 0x9100: the outer tag is the VLAN reported.
        var tags = 0
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100), tags < 4 {
            guard let tci = data.u16be(offset), let inner = data.u16be(offset + 2) else { return }
            if tags == 0 { out.vlan = tci & 0x0FFF }
            type = inner
            offset += 4
            tags += 1
        }
        guard let rest = data.suffix(from: offset) else { return }
        decodeEtherType(type, rest, into: &out)
    }

    static func decodeEtherType(_ type: UInt16, _ rest: ByteView, into out: inout DecodedPacket) {
        out.etherType = type
        switch type {
        case 0x0800, 0x86DD: decodeIP(rest, into: &out)
        default:
            out.network = .ethernet
            out.linkPayload = rest
        }
    }

    static func decodeIP(_ data: ByteView, into out: inout DecodedPacket) {
        guard let first = data.u8(0) else { return }
        switch first >> 4 {
        case 4: decodeIPv4(data, into: &out)
        case 6: decodeIPv6(data, into: &out)
        default: return
        }
    }

    static func decodeIPv4(_ data: ByteView, into out: inout DecodedPacket) {
        guard let versionIHL = data.u8(0), let total = data.u16be(2), let fragment = data.u16be(6), let proto = data.u8(9),
              let src = data.u32be(12), let dst = data.u32be(16) else { return }
        let headerLength = Int(versionIHL & 0x0F) * 4
        guard headerLength >= 20 else { return }
        out.source = IPAddress(v4: src)
        out.destination = IPAddress(v4: dst)
        out.ipProtocol = proto
        out.network = .ip
        // Honour the IP total length so Ethernet padding never reaches a dissector; a snapshot may cut it shorter.
        let end = min(data.count, max(Int(total), headerLength))
        // More fragments, or an offset: the transport header is decoded once the datagram is reassembled.
        let isFragment = fragment & 0x3FFF != 0
        if isFragment { out.network = .ipFragment }
        guard let segment = data.slice(headerLength, end - headerLength) else { return }
        if isFragment {
            out.ipPacket = data.slice(0, end)!
            out.payload = segment
            return
        }
        decodeTransport(segment, into: &out)
    }

    static func decodeIPv6(_ data: ByteView, into out: inout DecodedPacket) {
        guard let payloadLength = data.u16be(4), var next = data.u8(6), let sh = data.u64be(8), let sl = data.u64be(16),
              let dh = data.u64be(24), let dl = data.u64be(32) else { return }
        out.source = IPAddress(family: .v6, high: sh, low: sl)
        out.destination = IPAddress(family: .v6, high: dh, low: dl)
        out.network = .ip
        let end = min(data.count, 40 + Int(payloadLength))
        var offset = 40
        // Extension headers: hop-by-hop, routing, destination options, authentication; a fragment header marks a fragment.
        var hops = 0
        while hops < 8 {
            hops += 1
            switch next {
            case 0, 43, 60:
                guard let n = data.u8(offset), let len = data.u8(offset + 1) else { return }
                next = n
                offset += 8 + Int(len) * 8
            case 51:
                guard let n = data.u8(offset), let len = data.u8(offset + 1) else { return }
                next = n
                offset += (Int(len) + 2) * 4
            case 44:
                guard let n = data.u8(offset), let frag = data.u16be(offset + 2) else { return }
                next = n
                offset += 8
                // An offset or the M flag makes a fragment; neither is an atomic fragment, a whole datagram (RFC 6946).
                if frag & 0xFFF9 != 0 {
                    guard offset <= end, let segment = data.slice(offset, end - offset) else { return }
                    out.network = .ipFragment
                    out.ipProtocol = n
                    out.ipPacket = data.slice(0, end)!
                    out.payload = segment
                    return
                }
            default:
                hops = 8
            }
        }
        out.ipProtocol = next
        guard offset <= end, let segment = data.slice(offset, end - offset) else { return }
        decodeTransport(segment, into: &out)
    }

    static func decodeTransport(_ segment: ByteView, into out: inout DecodedPacket) {
        switch out.ipProtocol {
        case DecodedPacket.tcp:
            guard let sp = segment.u16be(0), let dp = segment.u16be(2), let seq = segment.u32be(4), let offsetByte = segment.u8(12),
                  let flags = segment.u8(13) else { return markIncomplete(&out) }
            let headerLength = Int(offsetByte >> 4) * 4
            out.sourcePort = sp
            out.destinationPort = dp
            out.tcpSequence = seq
            out.tcpFlags = flags
            out.payload = segment.suffix(from: max(20, headerLength)) ?? ByteView(base: nil, count: 0)
        case DecodedPacket.udp:
            guard let sp = segment.u16be(0), let dp = segment.u16be(2), let length = segment.u16be(4) else { return markIncomplete(&out) }
            out.sourcePort = sp
            out.destinationPort = dp
            let end = min(segment.count, max(8, Int(length)))
            out.payload = segment.slice(8, end - 8) ?? ByteView(base: nil, count: 0)
        default:
            break
        }
    }

    /// A transport header cut short is counted (as a fragment or a truncated packet), never taken as a flow with port 0.
    static func markIncomplete(_ out: inout DecodedPacket) {
        if out.network == .ipFragment { return }
        out.network = .truncated
    }
}
