/// Why a capture or flow log could not be read at all (nothing was analysed from it).
public enum CaptureError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unknownFormat(path: String, magic: String)
    case badHeader(path: String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the file: \(reason)"
        case .unknownFormat(let path, let magic):
            "\(path): not a pcap, pcapng or flow log (first bytes \(magic)); give a capture written by tcpdump, tshark or Wireshark, a Zeek conn.log, or a CSV flow file with the documented header"
        case .badHeader(let path, let offset, let reason):
            "\(path): byte \(offset): \(reason); the file header is damaged, re-export the capture"
        }
    }
}

/// Damage found part-way through a capture: the packets before it were analysed and kept, the rest of the file was not.
public struct CaptureDamage: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    /// Byte offset in the file where the damaged record starts.
    public let offset: Int
    /// The number the damaged packet would have had (1-based, like Wireshark's frame.number).
    public let packet: Int
    public let reason: String

    public init(path: String, offset: Int, packet: Int, reason: String) {
        self.path = path
        self.offset = offset
        self.packet = packet
        self.reason = reason
    }

    public var description: String {
        "\(path): byte \(offset), packet \(packet): \(reason); results up to packet \(packet - 1) are kept (repair with `pcapfix` or re-capture)"
    }
}
