/// EtherNet/IP encapsulation (ODVA Vol. 2): a 24-byte little-endian header (command, length, session, status, context,
/// options); SendRRData and SendUnitData carry CIP in common-packet-format items.
enum ENIPDissector {
    static let commands: Set<UInt16> = [0x0001, 0x0004, 0x0063, 0x0064, 0x0065, 0x0066, 0x006F, 0x0070]

    static func frameLength(_ bytes: ByteView) -> FrameLength {
        guard let command = bytes.u16le(0), let length = bytes.u16le(2) else { return .needMore }
        guard commands.contains(command) else { return .invalid }
        return .pdu(24 + Int(length))
    }

    static func matches(_ payload: ByteView) -> Bool {
        guard case .pdu(let n) = frameLength(payload), n == payload.count || (n < payload.count && n >= 24) else { return false }
        return payload.u32le(20) == 0
    }

    /// Counts the encapsulation command (`enip.command`) and the service of every CIP message inside (`cip.sc`).
    static func dissect(_ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) {
        guard let command = pdu.u16le(0) else { return }
        flow.record(.enip, code: command, frame: frame, fromClient: fromClient)
        guard command == 0x006F || command == 0x0070, let itemCount = pdu.u16le(30) else { return }
        var offset = 32
        for _ in 0..<min(Int(itemCount), 8) {
            guard let type = pdu.u16le(offset), let length = pdu.u16le(offset + 2), let item = pdu.slice(offset + 4, Int(length)) else { return }
            switch type {
            case 0x00B2: dissectCIP(item, frame: frame, fromClient: fromClient, into: &flow)
            case 0x00B1: if let message = item.suffix(from: 2) { dissectCIP(message, frame: frame, fromClient: fromClient, into: &flow) }
            default: break
            }
            offset += 4 + Int(length)
        }
    }

    /// One CIP message: the service code without its response bit (with a request's class qualifier, see
    /// `classQualifier`); a Multiple Service Packet's embedded services are counted too.
    static func dissectCIP(_ message: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord, depth: Int = 0) {
        guard let service = message.u8(0) else { return }
        let isResponse = service & 0x80 != 0
        let code = UInt16(service & 0x7F)
        flow.record(.cip, code: isResponse || code < 0x4B ? code : code | classQualifier(message), frame: frame, fromClient: fromClient)
        guard code == 0x0A, depth == 0 else { return }
        let listStart: Int
        if isResponse {
            guard let extra = message.u8(3) else { return }
            listStart = 4 + Int(extra) * 2
        } else {
            guard let pathWords = message.u8(1) else { return }
            listStart = 2 + Int(pathWords) * 2
        }
        guard let list = message.suffix(from: listStart), let count = list.u16le(0) else { return }
        for i in 0..<min(Int(count), 64) {
            guard let start = list.u16le(2 + i * 2) else { return }
            let end = i + 1 < Int(count) ? Int(list.u16le(4 + i * 2) ?? UInt16(list.count)) : list.count
            guard end > Int(start), let embedded = list.slice(Int(start), end - Int(start)) else { return }
            dissectCIP(embedded, frame: frame, fromClient: fromClient, into: &flow, depth: 1)
        }
    }

    /// Services from 0x4B up are specific to the object class addressed (0x52 is Unconnected Send on the Connection
    /// Manager but Read Tag Fragmented on a Logix tag), so a request's code carries, above its service byte, what its path
    /// names first: 0x100 the Connection Manager (class 0x06), 0x200 a Logix tag (an ANSI extended symbolic segment, or
    /// the Symbol object 0x6B), 0x300 the PCCC object (0x67); 0 for any other class or a path that cannot be read.
    static func classQualifier(_ request: ByteView) -> UInt16 {
        guard let words = request.u8(1), let path = request.slice(2, Int(words) * 2), let segment = path.u8(0) else { return 0 }
        let classID: UInt16
        switch segment {
        case 0x91: return 0x200
        case 0x20: classID = UInt16(path.u8(1) ?? 0)
        case 0x21: classID = path.u16le(2) ?? 0
        default: return 0
        }
        switch classID {
        case 0x06: return 0x100
        case 0x6B: return 0x200
        case 0x67: return 0x300
        default: return 0
        }
    }
}
