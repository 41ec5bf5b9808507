/// One packet as a capture file stores it: its number, time, link type and the captured bytes (valid only during the callback).
public struct CapturedPacket {
    /// 1-based across the whole file, like Wireshark's `frame.number`.
    public var number: Int
    /// Nanoseconds since the Unix epoch.
    public var timestamp: Int64
    /// The LINKTYPE_ value of the interface that captured it.
    public var linkType: UInt32
    public var data: ByteView
    /// The length on the wire; larger than `data.count` when the snapshot length cut the packet.
    public var originalLength: Int
}

/// Whatever consumes packets as a reader walks a capture (the flow table); passed `inout` and generic so the
/// per-packet call is direct, with no closure context or dynamic exclusivity check.
public protocol PacketSink {
    mutating func add(_ packet: CapturedPacket)
}
