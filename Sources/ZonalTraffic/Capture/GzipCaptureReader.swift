import CompressNIO
import NIOCore

/// Walks a gzip-compressed pcap or pcapng (told by the gzip magic 1f 8b, never by the file name) while decompressing it
/// into a bounded window, so memory stays a few MiB whatever the capture's size; the compressed file is mapped and fed
/// to zlib (through CompressNIO) a chunk at a time, its pages released behind.
///
/// Offsets in damage reports count decompressed bytes (what `zcat FILE | capinfos -` would see). A compressed capture is
/// read on one thread: a gzip stream cannot be entered in the middle.
enum GzipCaptureReader {
    static func isGzip(_ bytes: ByteView) -> Bool { bytes.u8(0) == 0x1F && bytes.u8(1) == 0x8B }

    /// Decompressed bytes walked at once (a record that straddles the window's end is carried into the next).
    static let windowBytes = 4 << 20

    static func read(_ file: MappedFile, capture: Int, progress: @escaping (_ offset: Int, _ packets: Int) -> Void)
        throws(CaptureError) -> (table: FlowTable, damage: CaptureDamage?) {
        let inflater = try GzipInflater(file)
        var window = ByteBuffer()
        window.reserveCapacity(windowBytes + (1 << 16))
        inflater.fill(&window, want: 64)
        var position: WalkPosition
        let format: CaptureFormat
        (format, position) = try window.withUnsafeReadableBytes { raw throws(CaptureError) in
            let head = ByteView(raw)
            switch CaptureFormat.detect(head) {
            case .pcap: return (.pcap, try PcapReader.start(head, path: file.path))
            case .pcapng: return (.pcapng, PcapngReader.start)
            default:
                let magic = (0..<min(8, head.count)).map { String(format2: head.u8($0)!) }.joined(separator: " ")
                throw .unknownFormat(path: file.path, magic: "gzip-compressed, then \(magic.isEmpty ? "nothing" : magic)")
            }
        }
        var table = FlowTable(capture: capture)
        var base = 0
        var stalled = false
        while true {
            inflater.fill(&window, want: stalled ? window.readableBytes * 2 + (1 << 16) : windowBytes)
            let complete = !inflater.isRunning
            let before = position.number - 1
            var outcome: (position: WalkPosition, damage: CaptureDamage?)?
            var failure: CaptureError?
            window.withUnsafeReadableBytes { raw in
                do {
                    outcome = try ParallelCaptureReader.walk(format, WalkInput(path: file.path, window: ByteView(raw), base: base, complete: complete),
                                                             from: position, until: .max, progress: { _, packets in progress(inflater.fed, before + packets) },
                                                             into: &table)
                } catch let error as CaptureError {
                    failure = error
                } catch {
                    preconditionFailure("capture walks throw only CaptureError")
                }
            }
            if let failure { throw failure }
            guard let outcome else { preconditionFailure("the walk ran") }
            let (next, damage) = outcome
            if let damage { return (table, inflater.explain(damage)) }
            stalled = next.offset == position.offset && window.readableBytes >= windowBytes
            window.moveReaderIndex(forwardBy: next.offset - base)
            window.discardReadBytes()
            base = next.offset
            position = next
            guard complete else { continue }
            // The walk used every decompressed byte; the stream may still have ended badly between two records.
            if let damage = inflater.damage(at: base, packet: position.number, path: file.path) { return (table, damage) }
            return (table, nil)
        }
    }
}

/// Feeds a mapped gzip file to zlib and says how the compressed stream ended.
final class GzipInflater {
    enum End: Equatable {
        case running, complete, truncated
        /// zlib found invalid data at about this compressed byte.
        case corrupt(Int)
    }

    let file: MappedFile
    let decompressor: ZlibDecompressor
    var input = ByteBuffer()
    /// Compressed bytes handed to zlib so far.
    private(set) var fed = 0
    private(set) var end = End.running
    static let chunk = 1 << 20

    init(_ file: MappedFile) throws(CaptureError) {
        self.file = file
        do {
            decompressor = try ZlibDecompressor(algorithm: .gzip)
        } catch {
            throw .unreadable(path: file.path, reason: "zlib could not start: \(error)")
        }
    }

    var isRunning: Bool { end == .running }

    /// Decompresses into `out` until it holds `want` readable bytes or the stream has ended.
    func fill(_ out: inout ByteBuffer, want: Int) {
        while end == .running, out.readableBytes < want {
            if input.readableBytes == 0, !refill() {
                probeEnd(&out)
                return
            }
            out.reserveCapacity(minimumWritableBytes: max(1 << 16, want - out.readableBytes))
            do {
                try decompressor.inflate(from: &input, to: &out)
                // No error: the member ended (zlib leaves what follows unread), or all input was used with room to spare.
                if input.readableBytes > 0 { memberEnded() }
            } catch let error as CompressNIOError where error == .bufferOverflow || error == .inputBufferOverflow {
                continue
            } catch {
                end = .corrupt(fed - input.readableBytes)
            }
        }
    }

    /// Copies the next chunk of the mapped file into zlib's input; false at the end of the file.
    private func refill() -> Bool {
        guard fed < file.bytes.count, let base = file.bytes.base else { return false }
        let count = min(Self.chunk, file.bytes.count - fed)
        input.clear()
        input.writeBytes(UnsafeRawBufferPointer(start: base + fed, count: count))
        file.release(from: fed, to: fed + count)
        fed += count
        return true
    }

    /// A gzip file may hold several members one after another (`cat a.gz b.gz`); anything else after one is ignored, as gzip does.
    private func memberEnded() {
        let next = fed - input.readableBytes
        if file.bytes.u8(next) == 0x1F, file.bytes.u8(next + 1) == 0x8B, (try? decompressor.reset()) != nil { return }
        end = .complete
    }

    /// At the end of the file with all input used: zlib's API says nothing more, so offer it one byte. A finished stream
    /// leaves it unread (and the stream is complete); an unfinished one takes it (the file was cut short). Whatever that
    /// byte decompressed to is dropped.
    private func probeEnd(_ out: inout ByteBuffer) {
        var probe = ByteBuffer(bytes: [0])
        let mark = out.writerIndex
        out.reserveCapacity(minimumWritableBytes: 1 << 16)
        do { try decompressor.inflate(from: &probe, to: &out) } catch {}
        out.moveWriterIndex(to: mark)
        end = probe.readableBytes == 1 ? .complete : .truncated
    }

    /// The damage of a stream that ended badly right at a record boundary; nil when it ended well.
    func damage(at offset: Int, packet: Int, path: String) -> CaptureDamage? {
        switch end {
        case .running, .complete: nil
        case .truncated: CaptureDamage(path: path, offset: offset, packet: packet, reason: "the gzip data ends early (decompressed byte offset; the .gz file is truncated)")
        case .corrupt(let at): CaptureDamage(path: path, offset: offset, packet: packet, reason: "the gzip data is corrupt near compressed byte \(at) (decompressed byte offset)")
        }
    }

    /// A walk's damage, with the reason the decompressed stream stopped when that is what cut the record.
    func explain(_ damage: CaptureDamage) -> CaptureDamage {
        guard let cause = self.damage(at: damage.offset, packet: damage.packet, path: damage.path) else { return damage }
        return CaptureDamage(path: damage.path, offset: damage.offset, packet: damage.packet, reason: "\(damage.reason): \(cause.reason)")
    }
}
