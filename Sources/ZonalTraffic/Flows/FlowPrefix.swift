/// The leading packets of a flow in a later part of a capture read in parts, kept until the flow's state no longer depends
/// on what came before the part (`FlowRecord.isSettled`), and the flow as it stood then.
///
/// At the merge, the packets are replayed onto the flow as the earlier parts left it; when the result agrees with the
/// snapshot, everything the part counted after the snapshot is exactly what a single walk would have counted.
struct FlowPrefix {
    var packets: [CapturedPacket] = []
    /// The reassembled datagrams among `packets`, whose bytes live only as long as they are held.
    var datagrams: [ReassembledDatagram] = []
    /// The flow after its last kept packet; nil while packets are still being kept.
    var snapshot: FlowRecord?
    /// True once the snapshot is taken.
    var closed = false
    /// Flows that take longer than this to settle are re-walked at the merge instead.
    static let limit = 16
}

/// The first thing that happened to each side's reassembly after a continuation flow's snapshot.
struct StreamWatch: Sendable {
    enum Event: Sendable, Equatable {
        case none
        /// The side's first segment (carrying payload) started at this sequence number.
        case segment(UInt32)
        /// The connection was reset or finished (both sides' buffers cleared).
        case reset
    }

    var client = Event.none
    var server = Event.none

    @inline(__always) mutating func note(_ event: Event, fromClient: Bool) {
        if fromClient {
            if client == .none { client = event }
        } else if server == .none {
            server = event
        }
    }
}
