/// A clock shared by the conversations of one capture, so timestamps only move forward.
public final class CaptureClock {
    public var now: Int64
    public init(start: Int64 = 1_767_225_600_000_000_000) { now = start }
    public func tick(_ nanoseconds: Int64 = 250_000) -> Int64 {
        now += nanoseconds
        return now
    }
}

/// A TCP connection between two hosts written packet by packet: handshake, data (optionally cut into given segments), close.
public final class TCPConversation {
    public let client: Host
    public let server: Host
    public let clientPort: UInt16
    public let serverPort: UInt16
    public let vlans: [UInt16]
    let writer: CaptureWriter
    let clock: CaptureClock
    var clientSequence: UInt32
    var serverSequence: UInt32
    /// Acknowledge each data segment with an empty segment from the other side (as real stacks mostly do).
    public var acknowledges = true

    public init(client: Host, server: Host, clientPort: UInt16, serverPort: UInt16, vlans: [UInt16] = [], writer: CaptureWriter,
                clock: CaptureClock, seed: UInt32 = 1000) {
        self.client = client
        self.server = server
        self.clientPort = clientPort
        self.serverPort = serverPort
        self.vlans = vlans
        self.writer = writer
        self.clock = clock
        clientSequence = seed &* 2_654_435_761
        serverSequence = seed &* 40503 &+ 77
    }

    func emit(fromClient: Bool, flags: UInt8, payload: [UInt8]) {
        let (from, to) = fromClient ? (client, server) : (server, client)
        let segment = FrameBuilder.tcp(sourcePort: fromClient ? clientPort : serverPort, destinationPort: fromClient ? serverPort : clientPort,
                                       sequence: fromClient ? clientSequence : serverSequence,
                                       acknowledgement: fromClient ? serverSequence : clientSequence, flags: flags, payload: payload)
        let packet = FrameBuilder.ip(source: from.ip, destination: to.ip, protocol: 6, payload: segment)
        writer.write(FrameBuilder.ethernet(source: from.mac, destination: to.mac, vlans: vlans, etherType: packet.etherType, payload: packet.bytes),
                     time: clock.tick())
        let advance = UInt32(payload.count) + (flags & 0x03 != 0 ? 1 : 0)
        if fromClient { clientSequence &+= advance } else { serverSequence &+= advance }
    }

    public func open() {
        emit(fromClient: true, flags: 0x02, payload: [])
        emit(fromClient: false, flags: 0x12, payload: [])
        emit(fromClient: true, flags: 0x10, payload: [])
    }

    /// Sends `bytes` in one segment, or cut at the given sizes (the last piece takes the rest).
    public func send(_ bytes: [UInt8], fromClient: Bool, cuts: [Int] = []) {
        var start = 0
        for size in cuts + [bytes.count] {
            let end = min(bytes.count, start + size)
            guard end > start else { continue }
            emit(fromClient: fromClient, flags: 0x18, payload: Array(bytes[start..<end]))
            start = end
        }
        if acknowledges { emit(fromClient: !fromClient, flags: 0x10, payload: []) }
    }

    public func close() {
        emit(fromClient: true, flags: 0x11, payload: [])
        emit(fromClient: false, flags: 0x11, payload: [])
        emit(fromClient: true, flags: 0x10, payload: [])
    }
}

/// Writes UDP datagrams and raw Ethernet frames.
public struct DatagramWriter {
    let writer: CaptureWriter
    let clock: CaptureClock

    public init(writer: CaptureWriter, clock: CaptureClock) {
        self.writer = writer
        self.clock = clock
    }

    public func udp(from: Host, to: Host, sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8], vlans: [UInt16] = []) {
        let packet = FrameBuilder.ip(source: from.ip, destination: to.ip, protocol: 17,
                                     payload: FrameBuilder.udp(sourcePort: sourcePort, destinationPort: destinationPort, payload: payload))
        writer.write(FrameBuilder.ethernet(source: from.mac, destination: to.mac, vlans: vlans, etherType: packet.etherType, payload: packet.bytes),
                     time: clock.tick())
    }

    public func ethernet(from: UInt64, to: UInt64, etherType: UInt16, payload: [UInt8], vlans: [UInt16] = []) {
        writer.write(FrameBuilder.ethernet(source: from, destination: to, vlans: vlans, etherType: etherType, payload: payload), time: clock.tick())
    }

    /// A UDP datagram sent as IP fragments of `size` bytes of the datagram each (a multiple of 8; half the datagram by
    /// default), written in `order` (fragment indices; first to last by default, and a fragment may repeat). IPv6 uses a
    /// fragment header.
    public func fragmentedUDP(from: Host, to: Host, sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8], identification: UInt32,
                              size: Int? = nil, order: [Int]? = nil) {
        for fragment in Self.fragments(of: FrameBuilder.udp(sourcePort: sourcePort, destinationPort: destinationPort, payload: payload),
                                       from: from, to: to, identification: identification, size: size, order: order) {
            writer.write(fragment, time: clock.tick())
        }
    }

    /// The frames `fragmentedUDP` writes, for callers that spread them among other traffic.
    public static func fragments(of datagram: [UInt8], from: Host, to: Host, identification: UInt32, size: Int? = nil, order: [Int]? = nil) -> [[UInt8]] {
        let step = size ?? (datagram.count + 15) / 16 * 8
        let pieces = stride(from: 0, to: datagram.count, by: step).map { $0 }
        return (order ?? Array(pieces.indices)).map { i in
            let offset = pieces[i]
            let packet = FrameBuilder.fragment(source: from.ip, destination: to.ip, protocol: 17, payload: Array(datagram[offset..<min(offset + step, datagram.count)]),
                                               identification: identification, offset: offset, more: offset + step < datagram.count)
            return FrameBuilder.ethernet(source: from.mac, destination: to.mac, etherType: packet.etherType, payload: packet.bytes)
        }
    }
}
