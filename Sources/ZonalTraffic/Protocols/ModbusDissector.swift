/// Modbus/TCP (Modbus Messaging on TCP/IP Implementation Guide v1.0b): a 7-byte MBAP header, then the function code.
enum ModbusDissector {
    /// MBAP: transaction id, protocol id 0, length (unit id + PDU), unit id.
    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let protocolID = bytes.u16be(2), let length = bytes.u16be(4) else { return .needMore }
        guard protocolID == 0, length >= 2, length <= 254 else { return .invalid }
        return .pdu(6 + Int(length))
    }

    /// True when the payload starts with a plausible MBAP header and a valid function code.
    static func matches(_ payload: ByteView) -> Bool {
        guard case .pdu(let n) = frameLength(payload), n <= payload.count, let function = payload.u8(7) else { return false }
        let code = function & 0x7F
        return (1...24).contains(code) || code == 43 || (65...72).contains(code) || (100...110).contains(code)
    }

    /// Counts the function code (the exception bit cleared, as tshark's `modbus.func_code` shows it).
    static func dissect(_ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) {
        guard let function = pdu.u8(7) else { return }
        flow.record(.modbus, code: UInt16(function & 0x7F), frame: frame, fromClient: fromClient)
    }
}
