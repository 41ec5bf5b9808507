#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, so packets are read in place without a system call per packet.
///
/// Pages already walked are handed back to the kernel (`release(upTo:)`), so peak memory stays bounded by the
/// window being read, not by the size of the capture.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let bytes: ByteView
    private let mapping: UnsafeMutableRawPointer?
    private var released = 0
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

    /// Drops the pages before `offset` from memory (they are re-read from disk if touched again).
    public func release(upTo offset: Int) {
        guard let mapping else { return }
        let end = (min(offset, bytes.count) / Self.pageSize) * Self.pageSize
        guard end > released else { return }
        _ = madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}

/// Every 64 MiB walked: hands the pages behind to the kernel and reports progress (offset, packets so far).
struct WalkProgress {
    let file: MappedFile
    let report: (_ offset: Int, _ packets: Int) -> Void
    private var next = 1 << 26

    init(file: MappedFile, report: @escaping (_ offset: Int, _ packets: Int) -> Void) {
        self.file = file
        self.report = report
    }

    @inline(__always) mutating func advance(to offset: Int, packets: Int) {
        guard offset >= next else { return }
        file.release(upTo: offset)
        report(offset, packets)
        next = offset + (1 << 26)
    }
}
