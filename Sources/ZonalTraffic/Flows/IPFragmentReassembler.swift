import ZonalModel

/// Rebuilds fragmented IPv4 and IPv6 datagrams so that what they carry reaches the transport and dissector path of an
/// unfragmented packet, with bounded memory.
///
/// A datagram is keyed by (source, destination, protocol, identification) for IPv4 and (source, destination,
/// identification) for IPv6 (RFC 791, RFC 8200). Fragments may come in any order. Bounds: at most `maximumLength` bytes
/// per datagram, at most `maximumInProgress` datagrams in progress (the oldest gives way to a new one), and a datagram
/// still incomplete `timeout` after its first fragment, in capture time (the capture's clock, not the reader's), is
/// dropped when the next fragment arrives; all three are counted as incomplete datagrams.
///
/// When fragments overlap with different bytes (an evasion technique: an IDS and the target may keep different copies),
/// the first copy received is kept, as Wireshark does, so that Zonal dissects what tshark shows; the conflict is counted
/// with its frame as evidence, since the target may have kept the other copy (and an IPv6 host drops such a datagram,
/// RFC 5722).
///
/// Its decisions depend only on its state and the fragments fed to it (other packets never touch it), which lets a
/// capture read in parts be merged exactly: a part that began with no datagram in progress reassembled exactly what a
/// single walk did.
struct IPFragmentReassembler {
    static let maximumInProgress = 64
    static let maximumLength = 65_535
    static let timeout: Int64 = 30_000_000_000

    /// Oldest first. Few enough for a linear search, which also finds the expired ones on the way.
    private(set) var inProgress: [PartialDatagram] = []

    var isEmpty: Bool { inProgress.isEmpty }

    /// True when a fragment arriving at `time` finds every datagram in progress timed out (so it starts from none).
    func allExpired(at time: Int64) -> Bool {
        inProgress.allSatisfy { time - $0.firstTime > Self.timeout }
    }

    /// Adds one fragment (`d.network == .ipFragment`); returns the datagram when this fragment completed it.
    mutating func add(_ packet: CapturedPacket, _ d: DecodedPacket, counters: inout PacketCounters) -> ReassembledDatagram? {
        guard let fragment = FragmentFields(d) else { return nil }
        var found: Int?
        var i = 0
        while i < inProgress.count {
            if packet.timestamp - inProgress[i].firstTime > Self.timeout {
                inProgress.remove(at: i)
                counters.incompleteDatagrams += 1
                continue
            }
            if inProgress[i].key == fragment.key { found = i }
            i += 1
        }
        let end = fragment.offset + d.payload.count
        guard end <= Self.maximumLength else {
            // No receiver accepts such a datagram: it is dropped whole, and nothing older gives way to it.
            if let found { inProgress.remove(at: found) }
            counters.incompleteDatagrams += 1
            return nil
        }
        let index: Int
        if let found {
            index = found
        } else {
            if inProgress.count == Self.maximumInProgress {
                inProgress.removeFirst()
                counters.incompleteDatagrams += 1
            }
            inProgress.append(PartialDatagram(key: fragment.key, firstTime: packet.timestamp))
            index = inProgress.count - 1
        }
        if inProgress[index].merge(d.payload, at: fragment.offset, last: !fragment.more, wireBytes: packet.originalLength) {
            counters.fragmentOverlaps += 1
            if counters.overlapFrames.count < FlowRecord.sampleCount { counters.overlapFrames.append(packet.number) }
        }
        guard let total = inProgress[index].completeLength else { return nil }
        let partial = inProgress.remove(at: index)
        guard let whole = fragment.wholePacket(packet, d, payload: partial.bytes[0..<total]) else {
            counters.incompleteDatagrams += 1
            return nil
        }
        counters.reassembled += 1
        return ReassembledDatagram(bytes: whole, like: packet, wireBytes: partial.wireBytes)
    }
}

/// The identity of a fragmented datagram.
struct FragmentKey: Equatable {
    var source: IPAddress
    var destination: IPAddress
    var identification: UInt32
    /// The IPv4 protocol; 0 for IPv6, whose key has none.
    var ipProtocol: UInt8
}

/// A datagram whose fragments are not all in yet.
struct PartialDatagram {
    let key: FragmentKey
    let firstTime: Int64
    var bytes: [UInt8] = []
    /// The byte ranges received, sorted and disjoint.
    var have: [Range<Int>] = []
    /// Known once the last fragment (no more-fragments flag) arrived.
    var total: Int?
    /// The wire length of every fragment received.
    var wireBytes = 0

    init(key: FragmentKey, firstTime: Int64) {
        self.key = key
        self.firstTime = firstTime
    }

    /// The datagram's length once every byte up to it is in.
    var completeLength: Int? {
        guard let total, let first = have.first, first.lowerBound == 0, first.upperBound >= total else { return nil }
        return total
    }

    /// Copies a fragment's bytes into the gaps (bytes already received are kept); true when an overlap differs.
    mutating func merge(_ payload: ByteView, at offset: Int, last: Bool, wireBytes: Int) -> Bool {
        self.wireBytes += wireBytes
        var end = offset + payload.count
        if last, total == nil { total = end }
        // Bytes past a known end belong to no datagram the receiver would accept; they are not kept.
        if let total { end = min(end, total) }
        guard end > offset else { return false }
        if bytes.count < end { bytes += [UInt8](repeating: 0, count: end - bytes.count) }
        var conflict = false
        var cursor = offset
        for range in have where range.upperBound > offset && range.lowerBound < end {
            if cursor < range.lowerBound { copy(payload, from: offset, cursor..<range.lowerBound) }
            for at in max(offset, range.lowerBound)..<min(end, range.upperBound) where bytes[at] != payload.u8(at - offset)! { conflict = true }
            cursor = max(cursor, range.upperBound)
        }
        if cursor < end { copy(payload, from: offset, cursor..<end) }
        insert(offset..<end)
        return conflict
    }

    private mutating func copy(_ payload: ByteView, from offset: Int, _ range: Range<Int>) {
        for at in range { bytes[at] = payload.u8(at - offset)! }
    }

    private mutating func insert(_ range: Range<Int>) {
        var merged = range
        var out: [Range<Int>] = []
        var placed = false
        for r in have {
            if r.upperBound < merged.lowerBound {
                out.append(r)
            } else if r.lowerBound > merged.upperBound {
                if !placed { out.append(merged); placed = true }
                out.append(r)
            } else {
                merged = min(r.lowerBound, merged.lowerBound)..<max(r.upperBound, merged.upperBound)
            }
        }
        if !placed { out.append(merged) }
        have = out
    }
}

/// What a fragment's IP header says about its place in the datagram.
struct FragmentFields {
    var key: FragmentKey
    /// Byte offset of the fragment's data in the datagram.
    var offset: Int
    var more: Bool
    /// Length of the unfragmentable part: the IPv4 header, or the IPv6 header through the fragment header.
    var headerLength: Int
    var isV6: Bool

    init?(_ d: DecodedPacket) {
        let ip = d.ipPacket
        guard let ipBase = ip.base, let payloadBase = d.payload.base, let version = ip.u8(0) else { return nil }
        headerLength = payloadBase - ipBase
        if version >> 4 == 4 {
            guard let id = ip.u16be(4), let flags = ip.u16be(6) else { return nil }
            key = FragmentKey(source: d.source, destination: d.destination, identification: UInt32(id), ipProtocol: d.ipProtocol)
            offset = Int(flags & 0x1FFF) * 8
            more = flags & 0x2000 != 0
            isV6 = false
        } else {
            // The fragment header is the last 8 bytes of the unfragmentable part (the decoder stops right after it).
            guard headerLength >= 48, let field = ip.u16be(headerLength - 6), let id = ip.u32be(headerLength - 4) else { return nil }
            key = FragmentKey(source: d.source, destination: d.destination, identification: id, ipProtocol: 0)
            offset = Int(field & 0xFFF8)
            more = field & 1 != 0
            isV6 = true
        }
    }

    /// The unfragmented packet: link header and IP headers of `packet` with the fragment fields cleared (an IPv6 fragment
    /// header stays, as an atomic fragment, RFC 6946) and the lengths set for `payload`; nil when it would not fit.
    func wholePacket(_ packet: CapturedPacket, _ d: DecodedPacket, payload: ArraySlice<UInt8>) -> [UInt8]? {
        let link = d.ipPacket.base! - packet.data.base!
        let ipLength = isV6 ? headerLength - 40 + payload.count : headerLength + payload.count
        guard ipLength <= 65_535 else { return nil }
        var out = packet.data.slice(0, link + headerLength)!.array()
        out.reserveCapacity(out.count + payload.count)
        if isV6 {
            out[link + 4] = UInt8(ipLength >> 8)
            out[link + 5] = UInt8(ipLength & 0xFF)
            out[link + headerLength - 6] = 0
            out[link + headerLength - 5] = 0
        } else {
            out[link + 2] = UInt8(ipLength >> 8)
            out[link + 3] = UInt8(ipLength & 0xFF)
            out[link + 6] = 0
            out[link + 7] = 0
        }
        out += payload
        return out
    }
}
