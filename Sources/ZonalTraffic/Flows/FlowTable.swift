import ZonalModel

/// Groups the packets of one capture into flows, identifies each flow's protocol and dissects its PDUs.
///
/// Memory grows with the number of flows (each keeps counters and at most a few frame numbers and reassembly bytes),
/// never with the number of packets.
public struct FlowTable: PacketSink {
    public private(set) var flows: [FlowRecord] = []
    private var index = FlowIndex()
    public private(set) var counters = PacketCounters()
    let capture: Int

    public init(capture: Int = 0) {
        self.capture = capture
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
        case .truncated:
            counters.truncated += 1
            if counters.truncatedFrames.count < FlowRecord.sampleCount { counters.truncatedFrames.append(packet.number) }
        case .ethernet:
            addLayer2(packet, decoded)
        case .undecodable:
            counters.undecodable += 1
        }
    }

    private mutating func addIP(_ packet: CapturedPacket, _ d: DecodedPacket) {
        let s = d.source, t = d.destination
        let sourceFirst = (s.high, s.low, d.sourcePort) <= (t.high, t.low, d.destinationPort)
        let family: UInt32 = s.family == .v6 ? 1 << 24 : 0
        let key = sourceFirst
            ? FlowKey(aHigh: s.high, aLow: s.low, bHigh: t.high, bLow: t.low,
                      ports: UInt32(d.sourcePort) << 16 | UInt32(d.destinationPort), kind: UInt32(d.ipProtocol) | family)
            : FlowKey(aHigh: t.high, aLow: t.low, bHigh: s.high, bLow: s.low,
                      ports: UInt32(d.destinationPort) << 16 | UInt32(d.sourcePort), kind: UInt32(d.ipProtocol) | family)
        let (i, isNew) = index.index(of: key, orInsert: flows.count)
        if isNew { flows.append(newIPFlow(packet, d)) }
        let fromClient = flows[i].client == s && flows[i].clientPort == d.sourcePort && (flows[i].server != s || flows[i].serverPort != d.sourcePort)
        flows[i].count(packet, fromClient: fromClient)
        if d.payload.count > 0 { inspect(i, d, frame: packet.number, fromClient: fromClient) }
        if d.ipProtocol == DecodedPacket.tcp, d.isFIN || d.isRST {
            flows[i].clientStream = StreamBuffer()
            flows[i].serverStream = StreamBuffer()
        }
    }

    /// The side that sent a bare SYN opened the connection; without a handshake, the side on a well-known or lower port is the server.
    private func newIPFlow(_ packet: CapturedPacket, _ d: DecodedPacket) -> FlowRecord {
        let tcp = d.ipProtocol == DecodedPacket.tcp
        var sourceIsClient: Bool
        var fromHandshake = false
        if tcp && d.isSYN {
            sourceIsClient = !d.isACK
            fromHandshake = true
        } else {
            let table = tcp ? ProtocolClassifier.tcpPorts : ProtocolClassifier.udpPorts
            let destinationKnown = table[d.destinationPort] != nil, sourceKnown = table[d.sourcePort] != nil
            sourceIsClient = destinationKnown != sourceKnown ? destinationKnown : d.destinationPort <= d.sourcePort
        }
        var flow = sourceIsClient
            ? FlowRecord(client: d.source, server: d.destination, clientPort: d.sourcePort, serverPort: d.destinationPort, ipProtocol: d.ipProtocol,
                         etherType: 0, clientMAC: d.sourceMAC, serverMAC: d.destinationMAC, vlan: d.vlan, firstFrame: packet.number,
                         lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
            : FlowRecord(client: d.destination, server: d.source, clientPort: d.destinationPort, serverPort: d.sourcePort, ipProtocol: d.ipProtocol,
                         etherType: 0, clientMAC: d.destinationMAC, serverMAC: d.sourceMAC, vlan: d.vlan, firstFrame: packet.number,
                         lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
        flow.capture = capture
        flow.rolesFromHandshake = fromHandshake
        flow.protocol = ProtocolClassifier.byPort(tcp: tcp, client: flow.clientPort, server: flow.serverPort) ?? .unknown
        return flow
    }

    private mutating func addLayer2(_ packet: CapturedPacket, _ d: DecodedPacket) {
        let proto = ProtocolClassifier.byEtherType(d.etherType, payload: d.linkPayload)
        guard proto != .unknown else {
            counters.otherLayer2 += 1
            return
        }
        let sourceFirst = d.sourceMAC <= d.destinationMAC
        let key = FlowKey(aHigh: 0, aLow: sourceFirst ? d.sourceMAC : d.destinationMAC, bHigh: 0, bLow: sourceFirst ? d.destinationMAC : d.sourceMAC,
                          ports: 0, kind: 0x1_0000 | UInt32(d.etherType))
        let (i, isNew) = index.index(of: key, orInsert: flows.count)
        if isNew {
            var flow = FlowRecord(client: IPAddress(v4: 0), server: IPAddress(v4: 0), clientPort: 0, serverPort: 0, ipProtocol: 0,
                                  etherType: d.etherType, clientMAC: d.sourceMAC, serverMAC: d.destinationMAC, vlan: d.vlan,
                                  firstFrame: packet.number, lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
            flow.capture = capture
            flow.protocol = proto
            flow.classified = true
            flows.append(flow)
        }
        flows[i].count(packet, fromClient: flows[i].clientMAC == d.sourceMAC)
        flows[i].pduFrames += 1
    }

    /// Classifies a flow on its first payloads, then dissects every payload of an industrial protocol.
    private mutating func inspect(_ i: Int, _ d: DecodedPacket, frame: Int, fromClient: Bool) {
        let tcp = d.ipProtocol == DecodedPacket.tcp
        if !flows[i].classified {
            flows[i].payloadsSeen += 1
            if let found = ProtocolClassifier.bySignature(d.payload, tcp: tcp, serverPort: flows[i].serverPort) {
                if found != flows[i].protocol {
                    flows[i].clientStream = StreamBuffer()
                    flows[i].serverStream = StreamBuffer()
                }
                flows[i].protocol = found
                flows[i].classified = true
            } else if flows[i].payloadsSeen >= 4 {
                flows[i].classified = true
            }
        }
        let proto = flows[i].protocol
        if fromClient, flows[i].serverName == nil, proto == .tls || proto == .http {
            flows[i].serverName = ProtocolClassifier.serverName(d.payload, protocol: proto)
        }
        guard let framing = Dissectors.framing(proto) else {
            flows[i].pduFrames += 1
            return
        }
        var produced = false
        guard tcp else {
            // Datagrams are whole PDUs (several DNP3 link frames may share one).
            var rest = d.payload
            while rest.count > 0, case .pdu(let n) = framing(rest), n <= rest.count {
                produced = Dissectors.dissect(proto, rest.slice(0, n)!, frame: frame, fromClient: fromClient, into: &flows[i]) || produced
                rest = rest.suffix(from: n)!
            }
            if produced { flows[i].pduFrames += 1 }
            return
        }
        var stream = StreamBuffer()
        if fromClient { swap(&stream, &flows[i].clientStream) } else { swap(&stream, &flows[i].serverStream) }
        stream.feed(d.payload, sequence: d.tcpSequence, length: framing) { pdu in
            produced = Dissectors.dissect(proto, pdu, frame: frame, fromClient: fromClient, into: &flows[i]) || produced
        }
        if fromClient { swap(&stream, &flows[i].clientStream) } else { swap(&stream, &flows[i].serverStream) }
        if produced { flows[i].pduFrames += 1 }
    }
}

/// Packets that belong to no flow, and totals.
public struct PacketCounters: Sendable, Hashable {
    public var packets = 0
    /// Bytes on the wire (original lengths), like tshark's `frame.len`.
    public var bytes = 0
    public var fragments = 0
    public var fragmentFrames: [Int] = []
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
        otherLayer2 += other.otherLayer2
        undecodable += other.undecodable
    }
}

extension FlowRecord {
    mutating func count(_ packet: CapturedPacket, fromClient: Bool) {
        packets += 1
        bytes += packet.originalLength
        lastFrame = packet.number
        lastTime = packet.timestamp
        samples.append(packet.number)
        if !fromClient {
            serverPackets += 1
            serverSamples.append(packet.number)
        }
    }
}
