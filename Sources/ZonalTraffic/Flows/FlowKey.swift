/// The identity of a conversation regardless of direction: both ends ordered, so A→B and B→A share one key.
struct FlowKey: Hashable, Sendable {
    var aHigh: UInt64
    var aLow: UInt64
    var bHigh: UInt64
    var bLow: UInt64
    /// Port of a in the high half, of b in the low half.
    var ports: UInt32
    /// IP protocol number, or 0x1_0000 | EtherType for a layer-2 flow; the address family in bit 24.
    var kind: UInt32
}

extension FlowKey {
    /// The key of an IP packet's conversation.
    @inline(__always) init(ip d: DecodedPacket) {
        let s = d.source, t = d.destination
        let sourceFirst = (s.high, s.low, d.sourcePort) <= (t.high, t.low, d.destinationPort)
        let family: UInt32 = s.family == .v6 ? 1 << 24 : 0
        self = sourceFirst
            ? FlowKey(aHigh: s.high, aLow: s.low, bHigh: t.high, bLow: t.low,
                      ports: UInt32(d.sourcePort) << 16 | UInt32(d.destinationPort), kind: UInt32(d.ipProtocol) | family)
            : FlowKey(aHigh: t.high, aLow: t.low, bHigh: s.high, bLow: s.low,
                      ports: UInt32(d.destinationPort) << 16 | UInt32(d.sourcePort), kind: UInt32(d.ipProtocol) | family)
    }

    /// The key of a non-IP Ethernet frame's conversation (both MACs and the EtherType).
    @inline(__always) init(layer2 d: DecodedPacket) {
        let sourceFirst = d.sourceMAC <= d.destinationMAC
        self = FlowKey(aHigh: 0, aLow: sourceFirst ? d.sourceMAC : d.destinationMAC, bHigh: 0, bLow: sourceFirst ? d.destinationMAC : d.sourceMAC,
                       ports: 0, kind: 0x1_0000 | UInt32(d.etherType))
    }
}
