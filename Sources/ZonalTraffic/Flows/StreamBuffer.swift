/// Bounded reassembly of one direction of a TCP connection into protocol data units.
///
/// Whole PDUs inside one segment are dissected in place; only a PDU split across segments is copied, and never more
/// than `capacity` bytes per direction, so memory stays bounded by the number of live flows.
struct StreamBuffer: Sendable {
    var pending: [UInt8] = []
    var nextSequence: UInt32 = 0
    var started = false
    static let capacity = 256 * 1024

    /// Frames `segment` into PDUs with `length` and hands each complete one to `body`.
    mutating func feed(_ segment: ByteView, sequence: UInt32, length: (ByteView) -> FrameLength, _ body: (ByteView) -> Void) {
        var data = segment
        if started {
            let delta = Int32(bitPattern: sequence &- nextSequence)
            if delta < 0 {
                // A retransmission or overlap: only bytes beyond what was already seen are new.
                let overlap = Int(-Int64(delta))
                guard overlap < data.count else { return }
                data = data.suffix(from: overlap)!
            } else if delta > 0 {
                // A gap (lost segment): the partial PDU can never complete.
                pending.removeAll(keepingCapacity: false)
            }
        }
        let end = sequence &+ UInt32(truncatingIfNeeded: segment.count)
        nextSequence = started ? max32(nextSequence, end) : end
        started = true
        if pending.isEmpty {
            let used = walk(data, length: length, body)
            if used < data.count { keep(data.suffix(from: used)!) }
            return
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(start: data.base, count: data.count))
        let consumed = pending.withUnsafeBytes { walk(ByteView($0), length: length, body) }
        if consumed >= pending.count {
            pending.removeAll(keepingCapacity: false)
        } else if consumed > 0 {
            pending.removeFirst(consumed)
        }
        if pending.count > StreamBuffer.capacity { pending.removeAll(keepingCapacity: false) }
    }

    private func max32(_ a: UInt32, _ b: UInt32) -> UInt32 { Int32(bitPattern: b &- a) > 0 ? b : a }

    private mutating func keep(_ rest: ByteView) {
        guard rest.count <= StreamBuffer.capacity else { return }
        pending.append(contentsOf: UnsafeRawBufferPointer(start: rest.base, count: rest.count))
    }

    /// Dissects whole PDUs from the start of `data`; returns how many bytes were used (or all of them when the stream is not this protocol).
    private func walk(_ data: ByteView, length: (ByteView) -> FrameLength, _ body: (ByteView) -> Void) -> Int {
        var offset = 0
        while offset < data.count {
            let rest = data.suffix(from: offset)!
            switch length(rest) {
            case .pdu(let n):
                guard n > 0, n <= rest.count else { return offset }
                body(rest.slice(0, n)!)
                offset += n
            case .needMore:
                return offset
            case .invalid:
                // Out of step with the protocol: drop this segment's rest and resynchronise on the next one.
                return data.count
            }
        }
        return offset
    }
}

/// What a protocol's framing says about the bytes at the start of a stream.
enum FrameLength {
    /// A PDU of this many bytes starts here (it may not all have arrived yet).
    case pdu(Int)
    /// Not enough bytes to read the length.
    case needMore
    /// These bytes are not this protocol.
    case invalid
}
