#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, so packets are read in place without a system call per packet.
///
/// Pages already walked are handed back to the kernel (`release(from:to:)`), so peak memory stays bounded by the
/// window being read, not by the size of the capture. Several threads may walk (and release) parts of one file at once:
/// a released page that is touched again is simply read back from the page cache.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let bytes: ByteView
    private let mapping: UnsafeMutableRawPointer?
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    public init(path: String) throws(CaptureError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        if size == 0 {
            mapping = nil
            bytes = ByteView(base: nil, count: 0)
            return
        }
        let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        _ = madvise(pointer, size, MADV_SEQUENTIAL)
        mapping = pointer
        bytes = ByteView(base: UnsafeRawPointer(pointer), count: size)
    }

    /// Drops the whole pages in `[start, end)` from memory (they are re-read from the file if touched again).
    public func release(from start: Int, to end: Int) {
        guard let mapping else { return }
        let first = (max(0, start) + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let last = (min(end, bytes.count) / Self.pageSize) * Self.pageSize
        guard last > first else { return }
        _ = madvise(mapping + first, last - first, MADV_DONTNEED)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}

/// Every 64 MiB walked: hands the pages behind (since the walk began) to the kernel and reports progress (offset, packets so far).
struct WalkProgress {
    let file: MappedFile?
    let report: (_ offset: Int, _ packets: Int) -> Void
    private var released: Int
    private var next: Int

    init(file: MappedFile?, from start: Int, report: @escaping (_ offset: Int, _ packets: Int) -> Void) {
        self.file = file
        self.report = report
        released = start
        next = start + (1 << 26)
    }

    @inline(__always) mutating func advance(to offset: Int, packets: Int) {
        guard offset >= next else { return }
        file?.release(from: released, to: offset)
        released = offset
        report(offset, packets)
        next = offset + (1 << 26)
    }
}

/// The bytes a walk reads: a whole mapped file, or a window of a decompressed stream whose first byte is stream byte `base`.
struct WalkInput {
    let path: String
    let bytes: ByteView
    let base: Int
    /// False while more of the stream is to come: a record cut by the window's end is left for the next window, not damage.
    let complete: Bool
    /// The mapped file, whose walked pages are released.
    let file: MappedFile?

    init(_ file: MappedFile) {
        path = file.path
        bytes = file.bytes
        base = 0
        complete = true
        self.file = file
    }

    init(path: String, window: ByteView, base: Int, complete: Bool) {
        self.path = path
        bytes = window
        self.base = base
        self.complete = complete
        file = nil
    }
}

/// Where a walk through a capture stands: the next record's byte offset and the next packet's number, and for pcapng the
/// current section's byte order and interfaces. A walk can stop at a position and another start from it.
public struct WalkPosition: Sendable {
    public var offset: Int
    public var number: Int
    var bigEndian = false
    /// pcap: from the file header.
    var nanoseconds = false
    var linkType: UInt32 = 0
    /// pcapng: the current section's interfaces.
    var interfaces: [PcapngReader.Interface] = []

    public init(offset: Int, number: Int = 1) {
        self.offset = offset
        self.number = number
    }
}

/// A packet sink that keeps nothing: a walk into it only finds record boundaries (and damage).
struct RecordHop: PacketSink {
    @inline(__always) mutating func add(_ packet: CapturedPacket) {}
}
