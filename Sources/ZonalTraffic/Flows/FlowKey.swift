/// The identity of a conversation regardless of direction: both ends ordered, so A→B and B→A share one key.
struct FlowKey: Equatable {
    var aHigh: UInt64
    var aLow: UInt64
    var bHigh: UInt64
    var bLow: UInt64
    /// Port of a in the high half, of b in the low half.
    var ports: UInt32
    /// IP protocol number, or 0x1_0000 | EtherType for a layer-2 flow; the address family in bit 24.
    var kind: UInt32
}
