/// A datagram rebuilt from its IP fragments, as one whole packet in memory it owns: the completing fragment's link and IP
/// headers (fragment fields cleared, lengths set) followed by the reassembled payload, so it decodes like any packet.
///
/// A class so that the flow table can keep the bytes alive while a split capture's merge may still replay the packet.
final class ReassembledDatagram {
    let storage: UnsafeMutableRawBufferPointer
    /// The packet as the flow table sees it: the completing fragment's frame number and time, and the wire bytes of all
    /// its fragments as its length.
    let packet: CapturedPacket

    init(bytes: [UInt8], like fragment: CapturedPacket, wireBytes: Int) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        storage.copyBytes(from: bytes)
        packet = CapturedPacket(number: fragment.number, timestamp: fragment.timestamp, linkType: fragment.linkType,
                                data: ByteView(base: UnsafeRawPointer(storage.baseAddress), count: bytes.count), originalLength: wireBytes)
    }

    deinit { storage.deallocate() }
}
