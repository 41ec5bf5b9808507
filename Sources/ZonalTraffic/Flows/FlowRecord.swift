import ZonalModel

/// One conversation seen in the traffic: its two ends (client = the side that opened it), protocol, counters, the
/// protocol operations it carried, and sample frame numbers to open in Wireshark.
public struct FlowRecord: Sendable {
    public var client: IPAddress
    public var server: IPAddress
    public var clientPort: UInt16
    public var serverPort: UInt16
    /// IP protocol number (6 TCP, 17 UDP); 0 for a non-IP Ethernet flow.
    public var ipProtocol: UInt8
    /// The EtherType of a non-IP flow (GOOSE 0x88B8, Profinet 0x8892); 0 for IP.
    public var etherType: UInt16
    public var clientMAC: UInt64
    public var serverMAC: UInt64
    public var vlan: UInt16
    public var `protocol`: AppProtocol = .unknown
    public var packets = 0
    public var bytes = 0
    /// Packets sent by the server side (replies; for a one-way conduit, traffic against its direction).
    public var serverPackets = 0
    /// Frames carrying at least one complete PDU of the protocol (for protocols not dissected: frames with payload),
    /// which is what tshark marks with the protocol's name in `frame.protocols`.
    public var pduFrames = 0
    public var firstFrame: Int
    public var lastFrame: Int
    public var firstTime: Int64
    public var lastTime: Int64
    /// The first frames of the flow (evidence for findings about the flow as a whole).
    public var samples = FrameSample()
    /// The first frames sent by the server side.
    public var serverSamples = FrameSample()
    /// The first frames sent by the client side (lets a merge turn a flow whose roles were guessed the other way round).
    var clientSamples = FrameSample()
    public var functions: [FunctionUse] = []
    /// OPC UA: true when a secure channel was opened with security policy None.
    public var opcuaSecurityNone = false
    public var opcuaNoneFrame = 0
    /// TLS server name indication or HTTP Host.
    public var serverName: String?
    /// True once the client/server roles were confirmed by a SYN (not guessed from ports).
    public var rolesFromHandshake = false
    /// Index of the capture file (in the order given) the flow was seen in; its frame numbers count within that file.
    public var capture = 0
    var classified = false
    var payloadsSeen = 0
    var clientStream = StreamBuffer()
    var serverStream = StreamBuffer()
    /// The flow's identity in the flow table.
    var key = FlowKey(aHigh: 0, aLow: 0, bHigh: 0, bLow: 0, ports: 0, kind: 0)
    /// In a continuation part of a split capture, once the leading packets are kept: the first reassembly event per side since.
    var watch: StreamWatch?

    static let sampleCount = 3

    public var sampleFrames: [Int] {
        get { samples.frames }
        set { samples = FrameSample(newValue) }
    }

    public var serverSampleFrames: [Int] {
        get { serverSamples.frames }
        set { serverSamples = FrameSample(newValue) }
    }

    /// True for a non-IP (layer 2) flow.
    public var isLayer2: Bool { ipProtocol == 0 && etherType != 0 }

    public var transportName: String {
        switch ipProtocol {
        case 6: "tcp"
        case 17: "udp"
        case 0: "ethernet"
        default: "ip-\(ipProtocol)"
        }
    }

    /// Counts one PDU carrying a protocol operation, keeping the first few frames as evidence.
    public mutating func record(_ family: FunctionFamily, code: UInt16, frame: Int, fromClient: Bool) {
        for i in functions.indices where functions[i].family == family && functions[i].code == code {
            functions[i].count += 1
            if fromClient { functions[i].requests += 1 }
            if !functions[i].samples.isFull && functions[i].samples.last != frame { functions[i].samples.append(frame) }
            return
        }
        functions.append(FunctionUse(family: family, code: code, count: 1, requests: fromClient ? 1 : 0, samples: FrameSample([frame])))
    }
}

/// How often one protocol operation (a function code, a service, a type id) appeared in a flow.
public struct FunctionUse: Sendable, Hashable {
    public var family: FunctionFamily
    public var code: UInt16
    /// PDUs carrying it, requests and responses alike (the way tshark counts the field).
    public var count: Int
    /// PDUs sent by the client side.
    public var requests: Int
    public var samples: FrameSample
    /// The first frames carrying it.
    public var frames: [Int] { samples.frames }
    /// The code as it is on the wire (tshark's field value): a CIP request's code also names its object class above the
    /// service byte (`ENIPDissector.classQualifier`).
    public var wireCode: UInt16 { family == .cip ? code & 0xFF : code }
}
