/// OPC UA binary (OPC 10000-6 §7.1): chunks of a 3-letter message type, a chunk type and a 32-bit little-endian size.
enum OPCUADissector {
    static let messageTypes: [[UInt8]] = ["HEL", "ACK", "OPN", "MSG", "CLO", "ERR", "RHE"].map { Array($0.utf8) }

    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let size = bytes.u32le(4) else { return .needMore }
        guard messageTypes.contains(where: { bytes.starts(with: $0) }), size >= 8, size <= 16 * 1024 * 1024 else { return .invalid }
        return .pdu(Int(size))
    }

    static func matches(_ payload: ByteView) -> Bool {
        guard case .pdu = frameLength(payload), let chunk = payload.u8(3) else { return false }
        return chunk == UInt8(ascii: "F") || chunk == UInt8(ascii: "C") || chunk == UInt8(ascii: "A")
    }

    static let nonePolicy = Array("http://opcfoundation.org/UA/SecurityPolicy#None".utf8)

    /// An OpenSecureChannel whose security policy URI is `#None` runs unsigned and unencrypted (security mode None).
    static func dissect(_ pdu: ByteView, frame: Int, into flow: inout FlowRecord) {
        guard pdu.starts(with: messageTypes[2]), let uriLength = pdu.u32le(12), uriLength == UInt32(nonePolicy.count) else { return }
        if pdu.starts(with: nonePolicy, at: 16), !flow.opcuaSecurityNone {
            flow.opcuaSecurityNone = true
            flow.opcuaNoneFrame = frame
        }
    }
}
