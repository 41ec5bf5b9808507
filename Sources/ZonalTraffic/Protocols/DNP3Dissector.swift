/// DNP3 (IEEE 1815) over TCP or UDP: data-link frames of a 10-byte header and 16-byte blocks, each with a CRC, carrying
/// the transport byte and the application layer's control and function code.
public enum DNP3Dissector {
    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let s0 = bytes.u8(0), let s1 = bytes.u8(1) else { return .needMore }
        guard s0 == 0x05, s1 == 0x64 else { return .invalid }
        guard let length = bytes.u8(2) else { return .needMore }
        guard length >= 5 else { return .invalid }
        let user = Int(length) - 5
        return .pdu(10 + user + (user + 15) / 16 * 2)
    }

    /// Start bytes and a valid header CRC: the data-link header is specific enough to identify DNP3 on any port.
    static func matches(_ payload: ByteView) -> Bool {
        guard payload.u8(0) == 0x05, payload.u8(1) == 0x64, let header = payload.slice(0, 8), let crc = payload.u16le(8) else { return false }
        return DNP3CRC.compute(header) == crc
    }

    /// Counts the application function code of the first segment of each application fragment (FIR set).
    static func dissect(_ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) {
        guard let length = pdu.u8(2), length > 5 + 2, let transport = pdu.u8(10), let function = pdu.u8(12) else { return }
        guard transport & 0x40 != 0 else { return }
        flow.record(.dnp3, code: UInt16(function), frame: frame, fromClient: fromClient)
    }
}

/// The DNP3 data-link CRC (CRC-16/DNP: polynomial 0x3D65, reflected, inverted).
public enum DNP3CRC {
    static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA6BC : crc >> 1 }
        return crc
    }

    public static func compute(_ bytes: ByteView) -> UInt16 {
        var crc: UInt16 = 0
        for i in 0..<bytes.count { crc = (crc >> 8) ^ table[Int((crc ^ UInt16(bytes.u8(i)!)) & 0xFF)] }
        return ~crc
    }

    public static func compute(_ bytes: [UInt8]) -> UInt16 {
        bytes.withUnsafeBytes { compute(ByteView($0)) }
    }
}
