/// ISO-on-TCP (RFC 1006 TPKT + ISO 8073 COTP) and what rides on it at port 102: S7comm or IEC 61850 MMS.
enum TPKTDissector {
    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let version = bytes.u8(0), let reserved = bytes.u8(1) else { return .needMore }
        guard version == 3, reserved == 0 else { return .invalid }
        guard let length = bytes.u16be(2) else { return .needMore }
        guard length >= 7 else { return .invalid }
        return .pdu(Int(length))
    }

    /// The bytes after the COTP header of a data (DT) TPDU; nil for connection management TPDUs.
    static func cotpData(_ pdu: ByteView) -> ByteView? {
        guard let li = pdu.u8(4), let type = pdu.u8(5), type & 0xF0 == 0xF0 else { return nil }
        return pdu.suffix(from: 5 + Int(li))
    }

    static func isCOTP(_ pdu: ByteView) -> Bool {
        guard let type = pdu.u8(5) else { return false }
        return [0xE0, 0xD0, 0xF0, 0x80, 0xC0].contains(type & 0xF0)
    }

    /// What a TPKT stream carries, told by the first data TPDU: S7comm starts with protocol id 0x32, MMS with an ISO session SPDU.
    static func classify(_ payload: ByteView) -> AppProtocol? {
        guard case .pdu = frameLength(payload), isCOTP(payload) else { return nil }
        guard let data = cotpData(payload), let first = data.u8(0) else { return nil }
        if first == 0x32 { return .s7comm }
        if first == 0x0D || first == 0x01 || first == 0x0E { return .mms }
        if first == 0x03 || first == 0x02 { return .rdp }
        return nil
    }

    /// S7comm job (1) and ack-data (3) messages carry the function as the first parameter byte (`s7comm.param.func`).
    /// Returns false when the TPDU carries no S7comm message (connection setup, other payloads).
    static func dissectS7(_ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) -> Bool {
        guard let s7 = cotpData(pdu), s7.u8(0) == 0x32, let rosctr = s7.u8(1), let parameterLength = s7.u16be(6) else { return false }
        let header: Int
        switch rosctr {
        case 1: header = 10
        case 3: header = 12
        default: return true
        }
        guard parameterLength > 0, let function = s7.u8(header) else { return true }
        flow.record(.s7comm, code: UInt16(function), frame: frame, fromClient: fromClient)
        return true
    }
}
