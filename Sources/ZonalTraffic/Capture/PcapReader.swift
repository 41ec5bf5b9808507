/// Walks a classic libpcap file (microsecond or nanosecond, either byte order, any snapshot length).
///
/// Layout from the libpcap file format (draft-ietf-opsawg-pcap): a 24-byte header, then per packet a 16-byte record
/// header (seconds, fraction, captured length, original length) followed by the captured bytes.
public enum PcapReader {
    /// Packets larger than this are taken as damage rather than trusted (libpcap itself caps records at 256 KiB).
    static let maximumRecord = 16 * 1024 * 1024

    /// The position of the first packet record, with what the file header says about every record.
    static func start(_ bytes: ByteView, path: String) throws(CaptureError) -> WalkPosition {
        guard let magic = bytes.u32le(0), bytes.count >= 24 else {
            throw .badHeader(path: path, offset: 0, reason: "the pcap header is shorter than 24 bytes")
        }
        var position = WalkPosition(offset: 24)
        position.bigEndian = magic == 0xD4C3_B2A1 || magic == 0x4D3C_B2A1
        position.nanoseconds = magic == 0xA1B2_3C4D || magic == 0x4D3C_B2A1
        // The upper bits of the link type field carry FCS information in recent libpcap; the type is the low 28 bits.
        position.linkType = bytes.u32(20, bigEndian: position.bigEndian)! & 0x0FFF_FFFF
        return position
    }

    /// Hands each packet to `sink` in order; returns the damage that stopped the walk early, if any.
    public static func read(_ file: MappedFile, progress: @escaping (_ offset: Int, _ packets: Int) -> Void = { _, _ in },
                            into sink: inout some PacketSink) throws(CaptureError) -> CaptureDamage? {
        try walk(WalkInput(file), from: start(file.bytes, path: file.path), until: .max, progress: progress, into: &sink).damage
    }

    /// Hands the packets from `position` to `sink`, stopping at the first record boundary at or after byte `end` (so two
    /// walks given the same `end` stop at the same record) or where the input's window ends; returns where it stopped and
    /// the damage that stopped it early.
    static func walk(_ input: WalkInput, from position: WalkPosition, until end: Int, progress: @escaping (_ offset: Int, _ packets: Int) -> Void,
                     into sink: inout some PacketSink) throws(CaptureError) -> (position: WalkPosition, damage: CaptureDamage?) {
        let bytes = input.bytes
        let bigEndian = position.bigEndian, nanoseconds = position.nanoseconds, linkType = position.linkType
        var offset = position.offset - input.base
        var number = position.number
        let firstNumber = number
        let stop = min(end == .max ? .max : end - input.base, bytes.count)
        var walk = WalkProgress(file: input.file, from: position.offset, report: progress)
        func here() -> WalkPosition {
            var p = position
            p.offset = input.base + offset
            p.number = number
            return p
        }
        func damage(_ reason: String) -> (position: WalkPosition, damage: CaptureDamage?) {
            (here(), CaptureDamage(path: input.path, offset: input.base + offset, packet: number, reason: reason))
        }
        while offset < stop {
            guard let seconds = bytes.u32(offset, bigEndian: bigEndian), let fraction = bytes.u32(offset + 4, bigEndian: bigEndian),
                  let captured = bytes.u32(offset + 8, bigEndian: bigEndian), let original = bytes.u32(offset + 12, bigEndian: bigEndian)
            else {
                if !input.complete { break }
                return damage("the file ends inside a packet record header (\(bytes.count - offset) of 16 bytes)")
            }
            let length = Int(captured)
            guard length <= maximumRecord else {
                return damage("the record claims \(length) captured bytes, more than any capture holds")
            }
            guard let data = bytes.slice(offset + 16, length) else {
                if !input.complete { break }
                return damage("the file ends inside the packet (\(bytes.count - offset - 16) of \(length) bytes)")
            }
            let timestamp = Int64(seconds) * 1_000_000_000 + Int64(fraction) * (nanoseconds ? 1 : 1000)
            sink.add(CapturedPacket(number: number, timestamp: timestamp, linkType: linkType, data: data, originalLength: Int(original)))
            number += 1
            offset += 16 + length
            walk.advance(to: input.base + offset, packets: number - firstNumber)
        }
        progress(input.base + offset, number - firstNumber)
        return (here(), nil)
    }
}
