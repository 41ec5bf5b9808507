/// Walks a pcapng file: sections, interfaces with their own link type and time resolution, enhanced, simple and
/// obsolete packet blocks; every other block is skipped by its length.
///
/// Layout from the PCAP Next Generation draft (draft-ietf-opsawg-pcapng): each block is type, total length, body,
/// total length again; the section header's byte-order magic tells the endianness of the whole section.
public enum PcapngReader {
    struct Interface: Sendable {
        var linkType: UInt32
        /// Timestamp units per second.
        var unitsPerSecond: UInt64
    }

    static let sectionHeader: UInt32 = 0x0A0D_0D0A
    static let maximumBlock = 64 * 1024 * 1024

    /// The position of the first block.
    public static let start = WalkPosition(offset: 0)

    public static func read(_ file: MappedFile, progress: @escaping (_ offset: Int, _ packets: Int) -> Void = { _, _ in },
                            into sink: inout some PacketSink) throws(CaptureError) -> CaptureDamage? {
        try walk(WalkInput(file), from: start, until: .max, progress: progress, into: &sink).damage
    }

    /// Hands the packets from `position` to `sink`, stopping at the first block boundary at or after byte `end`; returns
    /// where it stopped (with the section's byte order and interfaces, so another walk can go on from there) and any damage.
    static func walk(_ input: WalkInput, from position: WalkPosition, until end: Int, progress: @escaping (_ offset: Int, _ packets: Int) -> Void,
                     into sink: inout some PacketSink) throws(CaptureError) -> (position: WalkPosition, damage: CaptureDamage?) {
        let bytes = input.bytes
        var offset = position.offset - input.base
        var number = position.number
        let firstNumber = number
        var bigEndian = position.bigEndian
        var interfaces = position.interfaces
        let stop = min(end == .max ? .max : end - input.base, bytes.count)
        var walk = WalkProgress(file: input.file, from: position.offset, report: progress)
        func here() -> WalkPosition {
            var p = WalkPosition(offset: input.base + offset, number: number)
            p.bigEndian = bigEndian
            p.interfaces = interfaces
            return p
        }
        func damage(_ reason: String) -> (position: WalkPosition, damage: CaptureDamage?) {
            (here(), CaptureDamage(path: input.path, offset: input.base + offset, packet: number, reason: reason))
        }
        /// A block cut by the end of the bytes: damage at the end of the file, the next window's work otherwise.
        func cut(_ reason: String) -> (position: WalkPosition, damage: CaptureDamage?) {
            input.complete ? damage(reason) : (here(), nil)
        }
        while offset < stop {
            guard let rawType = bytes.u32le(offset) else { return cut("the file ends inside a block header") }
            if rawType == sectionHeader {
                guard let magic = bytes.u32le(offset + 8) else { return cut("the file ends inside a section header") }
                switch magic {
                case 0x1A2B_3C4D: bigEndian = false
                case 0x4D3C_2B1A: bigEndian = true
                default:
                    if input.base + offset == 0 { throw .badHeader(path: input.path, offset: 8, reason: "unknown pcapng byte-order magic") }
                    return damage("a section header has an unknown byte-order magic")
                }
                interfaces = []
            }
            guard let type = bytes.u32(offset, bigEndian: bigEndian), let total = bytes.u32(offset + 4, bigEndian: bigEndian) else {
                return cut("the file ends inside a block header")
            }
            let length = Int(total)
            guard length >= 12, length % 4 == 0 else { return damage("block length \(length) is not a multiple of 4 of at least 12") }
            // Bounds what a compressed capture's window may have to hold for one block.
            guard length <= maximumBlock else { return damage("the block claims \(length) bytes, more than any capture holds") }
            guard let block = bytes.slice(offset, length) else {
                return cut("the file ends inside a block of \(length) bytes (\(bytes.count - offset) present)")
            }
            guard block.u32(length - 4, bigEndian: bigEndian) == total else { return damage("the block's trailing length does not match its header") }
            switch type {
            case 1: // Interface Description Block
                guard let link = block.u16(8, bigEndian: bigEndian) else { return damage("interface description block too short") }
                interfaces.append(Interface(linkType: UInt32(link), unitsPerSecond: resolution(options: block, from: 16, bigEndian: bigEndian)))
            case 6, 2: // Enhanced Packet Block; obsolete Packet Block (16-bit interface id and drop count)
                let interfaceID = type == 6 ? block.u32(8, bigEndian: bigEndian).map(Int.init) : block.u16(8, bigEndian: bigEndian).map(Int.init)
                guard let interfaceID, let high = block.u32(12, bigEndian: bigEndian), let low = block.u32(16, bigEndian: bigEndian),
                      let captured = block.u32(20, bigEndian: bigEndian), let original = block.u32(24, bigEndian: bigEndian)
                else { return damage("packet block too short") }
                guard interfaceID < interfaces.count else { return damage("packet block names interface \(interfaceID), which no interface block described") }
                guard let data = block.slice(28, Int(captured)), 28 + Int(captured) <= length - 4 else {
                    return damage("packet block claims \(captured) captured bytes, more than the block holds")
                }
                let interface = interfaces[interfaceID]
                sink.add(CapturedPacket(number: number, timestamp: nanoseconds(UInt64(high) << 32 | UInt64(low), interface.unitsPerSecond),
                                    linkType: interface.linkType, data: data, originalLength: Int(original)))
                number += 1
            case 3: // Simple Packet Block: interface 0, no timestamp
                guard let original = block.u32(8, bigEndian: bigEndian) else { return damage("simple packet block too short") }
                guard !interfaces.isEmpty else { return damage("simple packet block before any interface block") }
                let captured = min(Int(original), length - 16)
                sink.add(CapturedPacket(number: number, timestamp: 0, linkType: interfaces[0].linkType, data: block.slice(12, captured)!,
                                    originalLength: Int(original)))
                number += 1
            default:
                break
            }
            offset += length
            walk.advance(to: input.base + offset, packets: number - firstNumber)
        }
        progress(input.base + offset, number - firstNumber)
        return (here(), nil)
    }

    /// The `if_tsresol` option (code 9): 10^-n or, with the high bit set, 2^-n seconds; microseconds when absent.
    static func resolution(options block: ByteView, from start: Int, bigEndian: Bool) -> UInt64 {
        var at = start
        while let code = block.u16(at, bigEndian: bigEndian), let length = block.u16(at + 2, bigEndian: bigEndian), code != 0 {
            if code == 9, let value = block.u8(at + 4) {
                let exponent = UInt64(value & 0x7F)
                if value & 0x80 != 0 { return exponent < 63 ? 1 << exponent : 1 << 62 }
                var units: UInt64 = 1
                for _ in 0..<min(exponent, 19) { units *= 10 }
                return units
            }
            at += 4 + (Int(length) + 3) / 4 * 4
        }
        return 1_000_000
    }

    static func nanoseconds(_ units: UInt64, _ perSecond: UInt64) -> Int64 {
        if perSecond == 1_000_000_000 { return Int64(truncatingIfNeeded: units) }
        if perSecond == 1_000_000 { return Int64(truncatingIfNeeded: units &* 1000) }
        let seconds = units / perSecond
        let rest = units % perSecond
        return Int64(truncatingIfNeeded: seconds &* 1_000_000_000 &+ rest &* 1_000_000_000 / perSecond)
    }
}
