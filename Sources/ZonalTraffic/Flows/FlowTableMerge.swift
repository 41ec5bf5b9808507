/// Joining the flow tables of consecutive parts of one capture into the table a single walk would have built.
///
/// Flows new in a later part are exact as they are (a fresh flow is what a single walk starts from too) and keep
/// first-appearance order. A flow that spans the split is the earlier flow with the later part's leading packets
/// replayed onto it, plus what the later part counted after those; when the replay and the later part disagree about the
/// state (a PDU split across the boundary, roles guessed differently, classification not settled), the flow is marked
/// for `rewalk`, which feeds all the later part's packets of those flows onto the earlier flow.
extension FlowTable {
    /// Absorbs the table of the part that follows this one; returns the keys of flows that must be re-walked over that
    /// part, and how many spanning flows were joined without it.
    mutating func absorb(_ next: FlowTable) -> (rewalk: Set<FlowKey>, joined: Int) {
        var joined = 0
        counters.add(next.counters)
        var rewalk: Set<FlowKey> = []
        for (j, later) in next.flows.enumerated() {
            let (i, isNew) = index.index(of: later.key, orInsert: flows.count)
            if isNew {
                var flow = later
                flow.watch = nil
                append(flow)
                continue
            }
            var replayed = flows[i]
            for packet in next.prefixes[j].packets { replayed.observe(packet, PacketDecoder.decode(packet)) }
            guard var snapshot = next.prefixes[j].snapshot else {
                // Every packet of the flow in that part was kept and replayed: the replay is the single walk.
                flows[i] = replayed
                joined += 1
                continue
            }
            var later = later
            // Without a handshake in view, the later part may have guessed the roles the other way round.
            let sameRoles = replayed.isLayer2 ? snapshot.clientMAC == replayed.clientMAC
                : snapshot.client == replayed.client && snapshot.clientPort == replayed.clientPort
            if !sameRoles, let turnedSnapshot = snapshot.turned(), let turnedLater = later.turned() {
                snapshot = turnedSnapshot
                later = turnedLater
            }
            if replayed.agrees(with: snapshot, final: later) {
                flows[i] = replayed.joined(snapshot: snapshot, final: later)
                joined += 1
            } else {
                rewalk.insert(later.key)
            }
        }
        return (rewalk, joined)
    }

    /// Continues the flows named by `keys` with a packet of the following part (totals are not counted again); fragments
    /// go through `fragments`, which starts as the part's walk started.
    mutating func rewalk(_ packet: CapturedPacket, keys: Set<FlowKey>, fragments: inout IPFragmentReassembler) {
        var d = PacketDecoder.decode(packet)
        if d.network == .ipFragment {
            var uncounted = PacketCounters()
            guard let datagram = fragments.add(packet, d, counters: &uncounted) else { return }
            d = PacketDecoder.decode(datagram.packet)
            withExtendedLifetime(datagram) { rewalk(datagram.packet, d, keys: keys) }
            return
        }
        rewalk(packet, d, keys: keys)
    }

    private mutating func rewalk(_ packet: CapturedPacket, _ d: DecodedPacket, keys: Set<FlowKey>) {
        let key: FlowKey
        switch d.network {
        case .ip: key = FlowKey(ip: d)
        case .ethernet: key = FlowKey(layer2: d)
        default: return
        }
        guard keys.contains(key) else { return }
        let (i, isNew) = index.index(of: key, orInsert: flows.count)
        precondition(!isNew, "a re-walked flow is always in the table")
        flows[i].observe(packet, d)
    }
}

/// A walk of a later part that continues only the flows the merge could not reconcile.
struct FlowRewalk: PacketSink {
    var table: FlowTable
    let keys: Set<FlowKey>
    /// The reassembler as the part's walk began.
    var fragments: IPFragmentReassembler

    mutating func add(_ packet: CapturedPacket) { table.rewalk(packet, keys: keys, fragments: &fragments) }
}

extension FlowRecord {
    /// True when this flow (the earlier parts' flow with the later part's leading packets replayed) and `snapshot` (the
    /// later part's flow after the same packets) will treat every further packet the same way, so `joined` is exact.
    func agrees(with snapshot: FlowRecord, final: FlowRecord) -> Bool {
        guard client == snapshot.client, server == snapshot.server, clientPort == snapshot.clientPort, serverPort == snapshot.serverPort,
              !isLayer2 || (clientMAC == snapshot.clientMAC && serverMAC == snapshot.serverMAC),
              self.protocol == snapshot.protocol, classified == snapshot.classified, classified || payloadsSeen == snapshot.payloadsSeen,
              opcuaSecurityNone || !snapshot.opcuaSecurityNone, serverName != nil || snapshot.serverName == nil
        else { return false }
        let watch = final.watch ?? StreamWatch()
        guard clientStream.continues(snapshot.clientStream, then: watch.client),
              serverStream.continues(snapshot.serverStream, then: watch.server) else { return false }
        // A function first counted after the snapshot must not have been counted by the later part before it either,
        // or the order of first appearance could differ.
        for use in final.functions where !functions.contains(where: { $0.family == use.family && $0.code == use.code }) {
            if let early = snapshot.use(use.family, use.code), early.count < use.count { return false }
        }
        return true
    }

    /// This flow followed by what `final` counted after `snapshot`.
    func joined(snapshot: FlowRecord, final: FlowRecord) -> FlowRecord {
        var out = self
        out.packets += final.packets - snapshot.packets
        out.bytes += final.bytes - snapshot.bytes
        out.serverPackets += final.serverPackets - snapshot.serverPackets
        out.pduFrames += final.pduFrames - snapshot.pduFrames
        out.lastFrame = final.lastFrame
        out.lastTime = final.lastTime
        for frame in final.samples.frames.dropFirst(snapshot.samples.count) { out.samples.append(frame) }
        for frame in final.serverSamples.frames.dropFirst(snapshot.serverSamples.count) { out.serverSamples.append(frame) }
        for frame in final.clientSamples.frames.dropFirst(snapshot.clientSamples.count) { out.clientSamples.append(frame) }
        for i in out.functions.indices {
            guard let later = final.use(out.functions[i].family, out.functions[i].code) else { continue }
            let early = snapshot.use(later.family, later.code)
            out.functions[i].count += later.count - (early?.count ?? 0)
            out.functions[i].requests += later.requests - (early?.requests ?? 0)
            for frame in later.samples.frames.dropFirst(early?.samples.count ?? 0)
            where !out.functions[i].samples.isFull && out.functions[i].samples.last != frame {
                out.functions[i].samples.append(frame)
            }
        }
        for later in final.functions where out.use(later.family, later.code) == nil && snapshot.use(later.family, later.code) == nil {
            out.functions.append(later)
        }
        if !out.opcuaSecurityNone, final.opcuaSecurityNone {
            out.opcuaSecurityNone = true
            out.opcuaNoneFrame = final.opcuaNoneFrame
        }
        out.serverName = out.serverName ?? final.serverName
        out.protocol = final.protocol
        out.classified = final.classified
        out.payloadsSeen = final.payloadsSeen
        let watch = final.watch ?? StreamWatch()
        if snapshot.clientStream.started || watch.client != .none { out.clientStream = final.clientStream }
        if snapshot.serverStream.started || watch.server != .none { out.serverStream = final.serverStream }
        out.watch = nil
        return out
    }

    /// The flow as counted with client and server the other way round; nil when that cannot be known (a server name
    /// taken from what was then the client's side).
    func turned() -> FlowRecord? {
        guard serverName == nil else { return nil }
        var out = self
        swap(&out.client, &out.server)
        swap(&out.clientPort, &out.serverPort)
        swap(&out.clientMAC, &out.serverMAC)
        swap(&out.clientStream, &out.serverStream)
        swap(&out.clientSamples, &out.serverSamples)
        out.serverPackets = packets - serverPackets
        for i in out.functions.indices { out.functions[i].requests = functions[i].count - functions[i].requests }
        if let watch { out.watch = StreamWatch(client: watch.server, server: watch.client) }
        return out
    }

    func use(_ family: FunctionFamily, _ code: UInt16) -> FunctionUse? {
        functions.first { $0.family == family && $0.code == code }
    }
}

extension StreamBuffer {
    /// True when a side left in this state and the same side fresh at `snapshot` (then meeting `event` first) reassemble
    /// every further segment alike.
    func continues(_ snapshot: StreamBuffer, then event: StreamWatch.Event) -> Bool {
        if snapshot.started { return started && nextSequence == snapshot.nextSequence && pending == snapshot.pending }
        guard started else { return true }
        guard pending.isEmpty else { return false }
        switch event {
        case .none, .reset: return true
        // A fresh side takes the segment whole; this one does too unless it overlaps bytes already seen.
        case .segment(let sequence): return Int32(bitPattern: sequence &- nextSequence) >= 0
        }
    }
}

extension FlowTable {
    /// Adds `delta` to every frame number the table holds: a part that started at a found record boundary numbered its
    /// packets from 1, and learns its first number only when the part before has been walked.
    mutating func shiftFrames(by delta: Int) {
        guard delta != 0 else { return }
        for i in flows.indices { flows[i].shiftFrames(by: delta) }
        for i in prefixes.indices {
            for j in prefixes[i].packets.indices { prefixes[i].packets[j].number += delta }
            prefixes[i].snapshot?.shiftFrames(by: delta)
        }
        counters.fragmentFrames = counters.fragmentFrames.map { $0 + delta }
        counters.truncatedFrames = counters.truncatedFrames.map { $0 + delta }
        counters.overlapFrames = counters.overlapFrames.map { $0 + delta }
    }
}

extension FlowRecord {
    mutating func shiftFrames(by delta: Int) {
        firstFrame += delta
        lastFrame += delta
        samples.shift(by: delta)
        serverSamples.shift(by: delta)
        clientSamples.shift(by: delta)
        for i in functions.indices { functions[i].samples.shift(by: delta) }
        if opcuaSecurityNone { opcuaNoneFrame += delta }
    }
}
