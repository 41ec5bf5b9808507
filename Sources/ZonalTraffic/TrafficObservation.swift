/// Everything read from a set of captures or flow logs: totals, flows, and damage met on the way. The input of the traffic analysis.
public struct TrafficObservation: Sendable {
    /// The files read, in order; a flow's `capture` indexes this list.
    public var sources: [String] = []
    public var counters = PacketCounters()
    public var flows: [FlowRecord] = []
    /// Captures that ended early on damage (results before it are kept).
    public var damage: [CaptureDamage] = []
    /// True when some input was a flow log (flows without packets, so no function codes or frame numbers).
    public var fromFlowLogs = false
    /// How captures read in parts were merged (the benchmark's `--timings` prints it).
    public var parts = PartsRead()

    public init() {}

    /// Packets, bytes, PDU-carrying frames and flows per protocol, from the flows (packets outside any flow are not counted here).
    public var protocolTotals: [AppProtocol: ProtocolTotal] {
        var totals: [AppProtocol: ProtocolTotal] = [:]
        for flow in flows {
            totals[flow.protocol, default: ProtocolTotal()].add(flow)
        }
        return totals
    }

    /// PDUs per function code per protocol family, summed over flows.
    public var functionHistogram: [FunctionFamily: [UInt16: Int]] {
        var result: [FunctionFamily: [UInt16: Int]] = [:]
        for flow in flows {
            for use in flow.functions { result[use.family, default: [:]][use.wireCode, default: 0] += use.count }
        }
        return result
    }
}

/// What one protocol amounted to in the traffic.
public struct ProtocolTotal: Sendable, Hashable {
    public var packets = 0
    public var bytes = 0
    public var pduFrames = 0
    public var flows = 0

    mutating func add(_ flow: FlowRecord) {
        packets += flow.packets
        bytes += flow.bytes
        pduFrames += flow.pduFrames
        flows += 1
    }
}

/// Captures read in parts: how many parts, and how the flows spanning a boundary were continued.
public struct PartsRead: Sendable, Hashable {
    public var parts = 0
    /// Spanning flows continued by replaying the later part's first packets of them.
    public var joined = 0
    /// Spanning flows whose later part was walked again.
    public var rewalked = 0
    /// Parts whose found record boundary was not where the part before ended, walked again from there.
    public var fellBack = 0
    /// Parts with fragments that began while datagrams were in progress, walked again with them.
    public var fragmentsCarried = 0
}
