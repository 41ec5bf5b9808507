import ZonalModel

/// Groups the packets of one capture into flows, identifies each flow's protocol and dissects its PDUs.
///
/// Memory grows with the number of flows (each keeps counters and at most a few frame numbers and reassembly bytes),
/// never with the number of packets.
public struct FlowTable: PacketSink {
    public internal(set) var flows: [FlowRecord] = []
    var index = FlowIndex()
    public internal(set) var counters = PacketCounters()
    let capture: Int
    /// Set for every part of a capture read in parts but the first: each flow's leading packets are kept (`prefixes`,
    /// parallel to `flows`) until its state no longer depends on what came before, so the merge can replay them.
    let continuation: Bool
    var prefixes: [FlowPrefix] = []
    /// Fragmented datagrams in progress.
    var fragments = IPFragmentReassembler()
    /// The capture time of the first fragment added (what a split capture's merge needs to know of a part's fragments).
    var firstFragmentTime: Int64?

    public init(capture: Int = 0) {
        self.init(capture: capture, continuation: false)
    }

    init(capture: Int, continuation: Bool) {
        self.capture = capture
        self.continuation = continuation
    }

    /// Adds one packet.
    public mutating func add(_ packet: CapturedPacket) {
        let decoded = PacketDecoder.decode(packet)
        counters.packets += 1
        counters.bytes += packet.originalLength
        switch decoded.network {
        case .ip:
            addIP(packet, decoded)
        case .ipFragment:
            counters.fragments += 1
            if counters.fragmentFrames.count < FlowRecord.sampleCount { counters.fragmentFrames.append(packet.number) }
            addFragment(packet, decoded)
        case .truncated:
            counters.truncated += 1
            if counters.truncatedFrames.count < FlowRecord.sampleCount { counters.truncatedFrames.append(packet.number) }
        case .ethernet:
            addLayer2(packet, decoded)
        case .undecodable:
            counters.undecodable += 1
        }
    }

    private mutating func addIP(_ packet: CapturedPacket, _ d: DecodedPacket, datagram: ReassembledDatagram? = nil) {
        let key = FlowKey(ip: d)
        let (i, isNew) = index.index(of: key, orInsert: flows.count)
        if isNew { append(FlowRecord(opening: packet, d, key: key, capture: capture)) }
        flows[i].observeIP(packet, d)
        if continuation, !prefixes[i].closed {
            if let datagram { prefixes[i].datagrams.append(datagram) }
            track(i, packet)
        }
    }

    /// A fragment goes to the reassembler; the datagram it completes goes on as one packet of its flow, numbered by
    /// that fragment (as tshark's "Reassembled in" frame), with the wire bytes of all its fragments.
    private mutating func addFragment(_ packet: CapturedPacket, _ d: DecodedPacket) {
        if firstFragmentTime == nil { firstFragmentTime = packet.timestamp }
        guard let datagram = fragments.add(packet, d, counters: &counters) else { return }
        let whole = PacketDecoder.decode(datagram.packet)
        guard whole.network == .ip else { return }
        addIP(datagram.packet, whole, datagram: datagram)
    }

    /// The counters with the datagrams still in progress at the end of the capture counted as incomplete.
    var finalCounters: PacketCounters {
        var out = counters
        out.incompleteDatagrams += fragments.inProgress.count
        return out
    }

    private mutating func addLayer2(_ packet: CapturedPacket, _ d: DecodedPacket) {
        let proto = ProtocolClassifier.byEtherType(d.etherType, payload: d.linkPayload)
        guard proto != .unknown else {
            counters.otherLayer2 += 1
            return
        }
        let key = FlowKey(layer2: d)
        let (i, isNew) = index.index(of: key, orInsert: flows.count)
        if isNew { append(FlowRecord(layer2: packet, d, protocol: proto, key: key, capture: capture)) }
        flows[i].observeLayer2(packet, d)
        if continuation, !prefixes[i].closed { track(i, packet) }
    }

    mutating func append(_ flow: FlowRecord) {
        flows.append(flow)
        if continuation { prefixes.append(FlowPrefix()) }
    }

    /// Keeps a continuation flow's packets until its state is settled (or the prefix is full), then snapshots it. Callers
    /// test `closed` first, not `snapshot == nil`: testing the optional record copied it on every packet.
    private mutating func track(_ i: Int, _ packet: CapturedPacket) {
        prefixes[i].packets.append(packet)
        if flows[i].isSettled || prefixes[i].packets.count == FlowPrefix.limit {
            prefixes[i].closed = true
            prefixes[i].snapshot = flows[i]
            flows[i].watch = StreamWatch()
        }
    }
}

/// Packets that belong to no flow, and totals.
public struct PacketCounters: Sendable, Hashable {
    public var packets = 0
    /// Bytes on the wire (original lengths), like tshark's `frame.len`.
    public var bytes = 0
    public var fragments = 0
    public var fragmentFrames: [Int] = []
    /// Fragmented datagrams reassembled (each then counted once in its flow).
    public var reassembled = 0
    /// Fragmented datagrams dropped incomplete: timed out, pushed out by newer ones, too long, or unfinished at the end.
    public var incompleteDatagrams = 0
    /// Fragments overlapping bytes already received with different bytes (the first copy is kept).
    public var fragmentOverlaps = 0
    public var overlapFrames: [Int] = []
    public var truncated = 0
    public var truncatedFrames: [Int] = []
    /// Non-IP frames of no identified protocol (ARP, LLDP, STP...).
    public var otherLayer2 = 0
    public var undecodable = 0

    public mutating func add(_ other: PacketCounters) {
        packets += other.packets
        bytes += other.bytes
        fragments += other.fragments
        truncated += other.truncated
        reassembled += other.reassembled
        incompleteDatagrams += other.incompleteDatagrams
        fragmentOverlaps += other.fragmentOverlaps
        overlapFrames += other.overlapFrames.prefix(max(0, FlowRecord.sampleCount - overlapFrames.count))
        otherLayer2 += other.otherLayer2
        undecodable += other.undecodable
        fragmentFrames += other.fragmentFrames.prefix(max(0, FlowRecord.sampleCount - fragmentFrames.count))
        truncatedFrames += other.truncatedFrames.prefix(max(0, FlowRecord.sampleCount - truncatedFrames.count))
    }
}
