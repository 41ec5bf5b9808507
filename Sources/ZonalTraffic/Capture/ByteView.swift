/// Bounds-checked, explicitly big- or little-endian reads over raw bytes, returning nil past the end.
///
/// Hand-written rather than Foundation's `Data`: captures are walked at line rate (millions of packets per second), so
/// reads must not copy, allocate or trap; every read is checked against the end and yields nil instead of crashing.
public struct ByteView: @unchecked Sendable {
    public let base: UnsafeRawPointer?
    public let count: Int

    public init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress
        count = buffer.count
    }

    public init(base: UnsafeRawPointer?, count: Int) {
        self.base = base
        self.count = max(0, count)
    }

    /// The bytes `[from, from + length)`, or nil when they do not all exist.
    @inline(__always) public func slice(_ from: Int, _ length: Int) -> ByteView? {
        guard from >= 0, length >= 0, from <= count, length <= count - from, let base else {
            return length == 0 && from == 0 ? self : nil
        }
        return ByteView(base: base + from, count: length)
    }

    /// The bytes from `from` to the end (empty at the end, nil beyond it).
    @inline(__always) public func suffix(from: Int) -> ByteView? { slice(from, count - from) }

    @inline(__always) public func u8(_ at: Int) -> UInt8? {
        guard at >= 0, at < count, let base else { return nil }
        return base.load(fromByteOffset: at, as: UInt8.self)
    }

    @inline(__always) public func u16be(_ at: Int) -> UInt16? {
        guard at >= 0, at <= count - 2, let base else { return nil }
        return UInt16(bigEndian: base.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    }

    @inline(__always) public func u16le(_ at: Int) -> UInt16? {
        guard at >= 0, at <= count - 2, let base else { return nil }
        return UInt16(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    }

    @inline(__always) public func u32be(_ at: Int) -> UInt32? {
        guard at >= 0, at <= count - 4, let base else { return nil }
        return UInt32(bigEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always) public func u32le(_ at: Int) -> UInt32? {
        guard at >= 0, at <= count - 4, let base else { return nil }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always) public func u64be(_ at: Int) -> UInt64? {
        guard at >= 0, at <= count - 8, let base else { return nil }
        return UInt64(bigEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// A 16- or 32-bit read in the byte order a capture file declared.
    @inline(__always) public func u16(_ at: Int, bigEndian: Bool) -> UInt16? { bigEndian ? u16be(at) : u16le(at) }
    @inline(__always) public func u32(_ at: Int, bigEndian: Bool) -> UInt32? { bigEndian ? u32be(at) : u32le(at) }

    /// True when the bytes at `at` equal `prefix`.
    public func starts(with prefix: [UInt8], at: Int = 0) -> Bool {
        guard at >= 0, prefix.count <= count - at else { return false }
        for (i, byte) in prefix.enumerated() where u8(at + i) != byte { return false }
        return true
    }

    /// The bytes as an array (for the rare slow paths: reassembly buffers, strings).
    public func array() -> [UInt8] {
        guard let base, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes read as ASCII text when every byte is printable; nil otherwise.
    public func ascii(_ from: Int, _ length: Int) -> String? {
        guard let part = slice(from, length) else { return nil }
        var scalars = String.UnicodeScalarView()
        for i in 0..<part.count {
            let byte = part.u8(i)!
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            scalars.append(Unicode.Scalar(byte))
        }
        return String(scalars)
    }
}
