/// IEC 60870-5-104: APDUs of start byte 0x68, a length, four control octets (I, S or U format), and in I format an ASDU
/// whose first octet is the type identification.
enum IEC104Dissector {
    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let start = bytes.u8(0) else { return .needMore }
        guard start == 0x68 else { return .invalid }
        guard let length = bytes.u8(1) else { return .needMore }
        guard length >= 4 else { return .invalid }
        return .pdu(2 + Int(length))
    }

    /// A U-format frame (STARTDT, STOPDT, TESTFR act/con) is distinctive; an I-format one is accepted when its length fits exactly.
    static func matches(_ payload: ByteView) -> Bool {
        guard case .pdu(let n) = frameLength(payload), n <= payload.count, let c1 = payload.u8(2) else { return false }
        if c1 & 0x03 == 0x03 {
            return n == 6 && [0x07, 0x0B, 0x13, 0x23, 0x43, 0x83].contains(c1) && payload.u8(3) == 0 && payload.u8(4) == 0 && payload.u8(5) == 0
        }
        if c1 & 0x01 == 0, n > 6, let type = payload.u8(6) { return n == payload.count && (1...127).contains(type) }
        return false
    }

    /// Counts the ASDU type identification of each I-format APDU (`iec60870_asdu.typeid`).
    static func dissect(_ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) {
        guard let c1 = pdu.u8(2), c1 & 0x01 == 0, pdu.count > 6, let type = pdu.u8(6) else { return }
        flow.record(.iec104, code: UInt16(type), frame: frame, fromClient: fromClient)
    }
}
