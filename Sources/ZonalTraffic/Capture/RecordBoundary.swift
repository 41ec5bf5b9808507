/// Finds a likely record boundary near a byte offset of a capture without walking the records before it, so a later part
/// of a capture read in parts can start there at once.
///
/// A boundary found this way is only a candidate: payloads can hold bytes that look like records (a capture carried in
/// a packet). The part before must end exactly there in the same reader state, or the merge walks the part again from
/// where the part before really ended (`ParallelCaptureReader`).
enum RecordBoundary {
    /// Consecutive records that must parse plausibly (or reach the end of the file exactly) for a candidate.
    static let chain = 8
    /// How far past the offset to look before giving up (the part is then walked from the previous part's end).
    static let window = 4 << 20

    /// The first offset at or after `from` where a chain of pcap records is plausible under the file header in `state`.
    static func pcap(_ bytes: ByteView, from: Int, state: WalkPosition) -> Int? {
        // Records are at most the snapshot length (0 in some writers: any length up to the reader's cap).
        let snap = bytes.u32(16, bigEndian: state.bigEndian).map { $0 == 0 ? PcapReader.maximumRecord : min(Int($0), PcapReader.maximumRecord) }
        guard let snap else { return nil }
        let units: UInt32 = state.nanoseconds ? 1_000_000_000 : 1_000_000
        var candidate = max(from, 24)
        let last = min(bytes.count, candidate + window)
        while candidate < last {
            if pcapChain(bytes, at: candidate, bigEndian: state.bigEndian, snap: snap, units: units) { return candidate }
            candidate += 1
        }
        return nil
    }

    private static func pcapChain(_ bytes: ByteView, at start: Int, bigEndian: Bool, snap: Int, units: UInt32) -> Bool {
        var at = start
        var previous: UInt32?
        for _ in 0..<chain {
            if at == bytes.count { return true }
            guard let seconds = bytes.u32(at, bigEndian: bigEndian), let fraction = bytes.u32(at + 4, bigEndian: bigEndian),
                  let captured = bytes.u32(at + 8, bigEndian: bigEndian), let original = bytes.u32(at + 12, bigEndian: bigEndian),
                  fraction < units, Int(captured) <= snap, captured <= original, at + 16 + Int(captured) <= bytes.count
            else { return false }
            // Timestamps of neighbouring records rarely jump by more than a day in either direction.
            if let previous, seconds > previous &+ 86_400 || previous > seconds &+ 86_400 { return false }
            previous = seconds
            at += 16 + Int(captured)
        }
        return true
    }

    /// The first 4-aligned offset at or after `from` where a chain of pcapng blocks is plausible in the section and
    /// interfaces of `state`.
    static func pcapng(_ bytes: ByteView, from: Int, state: WalkPosition) -> Int? {
        var candidate = (max(from, state.offset) + 3) / 4 * 4
        let last = min(bytes.count, candidate + window)
        while candidate < last {
            if pcapngChain(bytes, at: candidate, state: state) { return candidate }
            candidate += 4
        }
        return nil
    }

    private static let knownBlocks: Set<UInt32> = [1, 2, 3, 4, 5, 6, 9, 10, 0x0BAD, 0x4000_0BAD, PcapngReader.sectionHeader]

    private static func pcapngChain(_ bytes: ByteView, at start: Int, state: WalkPosition) -> Bool {
        let bigEndian = state.bigEndian
        var at = start
        for _ in 0..<chain {
            if at == bytes.count { return true }
            guard let type = bytes.u32(at, bigEndian: bigEndian), knownBlocks.contains(type),
                  let total = bytes.u32(at + 4, bigEndian: bigEndian).map(Int.init),
                  total >= 12, total % 4 == 0, total <= PcapngReader.maximumBlock, at + total <= bytes.count,
                  bytes.u32(at + total - 4, bigEndian: bigEndian) == UInt32(total)
            else { return false }
            // A new section may change the byte order: the chain so far is enough.
            if type == PcapngReader.sectionHeader { return at > start }
            if type == 6 {
                guard let interface = bytes.u32(at + 8, bigEndian: bigEndian), Int(interface) < state.interfaces.count,
                      let captured = bytes.u32(at + 20, bigEndian: bigEndian), 28 + Int(captured) <= total - 4 else { return false }
            }
            at += total
        }
        return true
    }

    /// The reader state after a pcapng file's leading blocks (section header, interface descriptions), before its first
    /// packet: what a later part assumes when it starts at a candidate boundary.
    static func pcapngLeadingState(_ file: MappedFile) throws(CaptureError) -> WalkPosition {
        var position = PcapngReader.start
        let input = WalkInput(file)
        var hop = RecordHop()
        while position.offset < file.bytes.count {
            let type = file.bytes.u32(position.offset, bigEndian: position.bigEndian)
            if type == 2 || type == 3 || type == 6 { break }
            let walked = try PcapngReader.walk(input, from: position, until: position.offset + 1, progress: { _, _ in }, into: &hop)
            if walked.damage != nil || walked.position.offset == position.offset { break }
            position = walked.position
        }
        return position
    }
}
