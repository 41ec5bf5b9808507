import ZonalModel

/// How one packet opens and updates its flow: roles, counters, protocol identification and PDU dissection.
///
/// The same code serves the flow table and the merge of a capture read in parts (which replays a part's leading
/// packets onto the flow as the earlier parts left it), so both give the same flow.
extension FlowRecord {
    /// A flow opened by an IP packet. The side that sent a bare SYN opened the connection; without a handshake, the side
    /// on a well-known or lower port is the server.
    init(opening packet: CapturedPacket, _ d: DecodedPacket, key: FlowKey, capture: Int) {
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
        if sourceIsClient {
            self.init(client: d.source, server: d.destination, clientPort: d.sourcePort, serverPort: d.destinationPort, ipProtocol: d.ipProtocol,
                      etherType: 0, clientMAC: d.sourceMAC, serverMAC: d.destinationMAC, vlan: d.vlan, firstFrame: packet.number,
                      lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
        } else {
            self.init(client: d.destination, server: d.source, clientPort: d.destinationPort, serverPort: d.sourcePort, ipProtocol: d.ipProtocol,
                      etherType: 0, clientMAC: d.destinationMAC, serverMAC: d.sourceMAC, vlan: d.vlan, firstFrame: packet.number,
                      lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
        }
        self.capture = capture
        self.key = key
        rolesFromHandshake = fromHandshake
        self.protocol = ProtocolClassifier.byPort(tcp: tcp, client: clientPort, server: serverPort) ?? .unknown
    }

    /// A non-IP flow (GOOSE, Profinet DCP) opened by an Ethernet frame; the sender of the first frame is the client.
    init(layer2 packet: CapturedPacket, _ d: DecodedPacket, protocol proto: AppProtocol, key: FlowKey, capture: Int) {
        self.init(client: IPAddress(v4: 0), server: IPAddress(v4: 0), clientPort: 0, serverPort: 0, ipProtocol: 0,
                  etherType: d.etherType, clientMAC: d.sourceMAC, serverMAC: d.destinationMAC, vlan: d.vlan,
                  firstFrame: packet.number, lastFrame: packet.number, firstTime: packet.timestamp, lastTime: packet.timestamp)
        self.capture = capture
        self.key = key
        self.protocol = proto
        classified = true
    }

    /// Updates the flow with one of its IP packets.
    @inline(__always) mutating func observeIP(_ packet: CapturedPacket, _ d: DecodedPacket) {
        let s = d.source
        let fromClient = client == s && clientPort == d.sourcePort && (server != s || serverPort != d.sourcePort)
        count(packet, fromClient: fromClient)
        if d.payload.count > 0 { inspect(d, frame: packet.number, fromClient: fromClient) }
        if d.ipProtocol == DecodedPacket.tcp, d.isFIN || d.isRST {
            clientStream = StreamBuffer()
            serverStream = StreamBuffer()
            watch?.note(.reset, fromClient: true)
            watch?.note(.reset, fromClient: false)
        }
    }

    /// Updates the flow with one of its non-IP frames.
    @inline(__always) mutating func observeLayer2(_ packet: CapturedPacket, _ d: DecodedPacket) {
        count(packet, fromClient: clientMAC == d.sourceMAC)
        pduFrames += 1
    }

    /// Either of the above, as the packet's kind says.
    mutating func observe(_ packet: CapturedPacket, _ d: DecodedPacket) {
        if d.network == .ip { observeIP(packet, d) } else { observeLayer2(packet, d) }
    }

    @inline(__always) mutating func count(_ packet: CapturedPacket, fromClient: Bool) {
        packets += 1
        bytes += packet.originalLength
        lastFrame = packet.number
        lastTime = packet.timestamp
        samples.append(packet.number)
        if fromClient {
            clientSamples.append(packet.number)
        } else {
            serverPackets += 1
            serverSamples.append(packet.number)
        }
    }

    /// Classifies the flow on its first payloads, then dissects every payload of an industrial protocol.
    private mutating func inspect(_ d: DecodedPacket, frame: Int, fromClient: Bool) {
        let tcp = d.ipProtocol == DecodedPacket.tcp
        if !classified {
            payloadsSeen += 1
            if let found = ProtocolClassifier.bySignature(d.payload, tcp: tcp, serverPort: serverPort) {
                if found != self.protocol {
                    clientStream = StreamBuffer()
                    serverStream = StreamBuffer()
                    watch?.note(.reset, fromClient: true)
                    watch?.note(.reset, fromClient: false)
                }
                self.protocol = found
                classified = true
            } else if payloadsSeen >= 4 {
                classified = true
            }
        }
        let proto = self.protocol
        if fromClient, serverName == nil, proto == .tls || proto == .http {
            serverName = ProtocolClassifier.serverName(d.payload, protocol: proto)
        }
        guard let framing = Dissectors.framing(proto) else {
            pduFrames += 1
            return
        }
        var produced = false
        guard tcp else {
            // Datagrams are whole PDUs (several DNP3 link frames may share one).
            var rest = d.payload
            while rest.count > 0, case .pdu(let n) = framing(rest), n <= rest.count {
                produced = Dissectors.dissect(proto, rest.slice(0, n)!, frame: frame, fromClient: fromClient, into: &self) || produced
                rest = rest.suffix(from: n)!
            }
            if produced { pduFrames += 1 }
            return
        }
        watch?.note(.segment(d.tcpSequence), fromClient: fromClient)
        var stream = StreamBuffer()
        if fromClient { swap(&stream, &clientStream) } else { swap(&stream, &serverStream) }
        stream.feed(d.payload, sequence: d.tcpSequence, length: framing) { pdu in
            produced = Dissectors.dissect(proto, pdu, frame: frame, fromClient: fromClient, into: &self) || produced
        }
        if fromClient { swap(&stream, &clientStream) } else { swap(&stream, &serverStream) }
        if produced { pduFrames += 1 }
    }

    /// True when what the flow does with its next packets no longer depends on how it began: its protocol is settled
    /// and no PDU is half reassembled on either side.
    var isSettled: Bool { classified && clientStream.pending.isEmpty && serverStream.pending.isEmpty }
}
