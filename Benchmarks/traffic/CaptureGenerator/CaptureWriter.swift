import Foundation

/// How a generated capture is written: container, timestamp resolution, byte order, snapshot length.
public struct CaptureOptions: Sendable {
    public enum Container: String, Sendable { case pcap, pcapng }
    public var container: Container
    public var nanoseconds: Bool
    public var bigEndian: Bool
    /// Packets longer than this are cut, as tcpdump -s does.
    public var snapLength: Int
    /// pcapng only: write every packet after the first `simpleAfter` as a Simple Packet Block.
    public var simplePacketsFrom: Int?
    /// pcapng only: start a second section (with its own interfaces) after this many packets.
    public var secondSectionAt: Int?

    public init(container: Container, nanoseconds: Bool = false, bigEndian: Bool = false, snapLength: Int = 65535,
                simplePacketsFrom: Int? = nil, secondSectionAt: Int? = nil) {
        self.container = container
        self.nanoseconds = nanoseconds
        self.bigEndian = bigEndian
        self.snapLength = snapLength
        self.simplePacketsFrom = simplePacketsFrom
        self.secondSectionAt = secondSectionAt
    }
}

/// Writes Ethernet frames into a pcap or pcapng file, in memory or streamed to disk in large writes.
public final class CaptureWriter {
    public let options: CaptureOptions
    public private(set) var buffer: [UInt8] = []
    public private(set) var packets = 0
    private let handle: FileHandle?
    private let linkType: UInt32

    /// Writes to memory; read the bytes from `buffer` (or `finish()` them to a path).
    public init(options: CaptureOptions, linkType: UInt32 = 1) {
        self.options = options
        self.linkType = linkType
        handle = nil
        writeFileHeader()
    }

    /// Streams to a file.
    public init(path: String, options: CaptureOptions, linkType: UInt32 = 1) throws {
        self.options = options
        self.linkType = linkType
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        buffer.reserveCapacity(8 << 20)
        writeFileHeader()
    }

    private func u16(_ v: UInt16) {
        let value = options.bigEndian ? v.bigEndian : v.littleEndian
        withUnsafeBytes(of: value) { buffer.append(contentsOf: $0) }
    }
    private func u32(_ v: UInt32) {
        let value = options.bigEndian ? v.bigEndian : v.littleEndian
        withUnsafeBytes(of: value) { buffer.append(contentsOf: $0) }
    }

    private func writeFileHeader() {
        switch options.container {
        case .pcap:
            u32(options.nanoseconds ? 0xA1B2_3C4D : 0xA1B2_C3D4)
            u16(2); u16(4); u32(0); u32(0)
            u32(UInt32(options.snapLength))
            u32(linkType)
        case .pcapng:
            writeSection()
        }
    }

    private func writeSection() {
        u32(0x0A0D_0D0A); u32(28); u32(0x1A2B_3C4D); u16(1); u16(0); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF); u32(28)
        // Interface 0 in the section's default resolution; interface 1 (unused by packets) declares nanoseconds to exercise options.
        writeInterface(nanoseconds: options.nanoseconds)
        writeInterface(nanoseconds: true)
        // A block of a local-use type (high bit set) that readers must skip by its length.
        u32(0x8000_0F0F); u32(16); u32(0xDEAD_BEEF); u32(16)
    }

    private func writeInterface(nanoseconds: Bool) {
        if nanoseconds {
            u32(1); u32(32); u16(UInt16(linkType)); u16(0); u32(UInt32(options.snapLength))
            u16(9); u16(1); buffer += [9, 0, 0, 0]; u16(0); u16(0); u32(32)
        } else {
            u32(1); u32(20); u16(UInt16(linkType)); u16(0); u32(UInt32(options.snapLength)); u32(20)
        }
    }

    /// Appends one frame captured at `time` (nanoseconds since the epoch).
    public func write(_ frame: [UInt8], time: Int64, keep: Int? = nil) {
        let captured = min(frame.count, options.snapLength, keep ?? Int.max)
        switch options.container {
        case .pcap:
            u32(UInt32(time / 1_000_000_000))
            u32(UInt32(options.nanoseconds ? time % 1_000_000_000 : time % 1_000_000_000 / 1000))
            u32(UInt32(captured)); u32(UInt32(frame.count))
            buffer += frame[0..<captured]
        case .pcapng:
            if let at = options.secondSectionAt, packets == at { writeSection() }
            let padded = (captured + 3) / 4 * 4
            // A Simple Packet Block can only be cut by the interface's snapshot length, so a packet cut otherwise goes in an EPB.
            if let from = options.simplePacketsFrom, packets >= from, captured == min(frame.count, options.snapLength) {
                u32(3); u32(UInt32(16 + padded)); u32(UInt32(frame.count))
                buffer += frame[0..<captured]; buffer.append(contentsOf: repeatElement(0, count: padded - captured))
                u32(UInt32(16 + padded))
            } else {
                let units = UInt64(options.nanoseconds ? time : time / 1000)
                u32(6); u32(UInt32(32 + padded)); u32(0); u32(UInt32(units >> 32)); u32(UInt32(units & 0xFFFF_FFFF))
                u32(UInt32(captured)); u32(UInt32(frame.count))
                buffer += frame[0..<captured]; buffer.append(contentsOf: repeatElement(0, count: padded - captured))
                u32(UInt32(32 + padded))
            }
        }
        packets += 1
        if let handle, buffer.count >= 4 << 20 {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Flushes a streamed file, or writes the in-memory bytes to `path`.
    public func finish(to path: String? = nil) throws {
        if let handle {
            handle.write(Data(buffer))
            buffer.removeAll()
            try handle.close()
        } else if let path {
            try Data(buffer).write(to: URL(fileURLWithPath: path))
        }
    }
}
