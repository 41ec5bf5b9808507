/// The flow table's key → flow index map: open addressing with linear probing and a multiply-xor hash.
///
/// Hand-written instead of `Dictionary` because this lookup runs once per packet and SipHash dominated the profile;
/// the hash is seeded per run so a crafted capture cannot force collisions.
struct FlowIndex {
    /// Key and flow index side by side, so a probe touches one cache line; `index < 0` marks an empty slot.
    private struct Entry {
        var key: FlowKey
        var index: Int32
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var count = 0
    private let seed: UInt64
    private static let empty = Entry(key: FlowKey(aHigh: 0, aLow: 0, bHigh: 0, bLow: 0, ports: 0, kind: 0), index: -1)

    init(capacity: Int = 8192) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: FlowIndex.empty, count: size)
        mask = size - 1
        seed = UInt64.random(in: 1...UInt64.max) | 1
    }

    @inline(__always) private func hash(_ key: FlowKey) -> Int {
        var h = (key.aLow ^ seed) &* 0x9E37_79B9_7F4A_7C15
        h ^= (key.bLow &+ key.aHigh) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= (key.bHigh ^ (UInt64(key.ports) << 32 | UInt64(key.kind))) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The index stored for `key`; when there is none, stores `next` and says so (the caller then appends that flow).
    @inline(__always) mutating func index(of key: FlowKey, orInsert next: Int) -> (index: Int, inserted: Bool) {
        var slot = hash(key) & mask
        while true {
            let entry = entries[slot]
            if entry.index < 0 { break }
            if entry.key == key { return (Int(entry.index), false) }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(key: key, index: Int32(truncatingIfNeeded: next))
        count += 1
        if count * 2 > entries.count { grow() }
        return (next, true)
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: FlowIndex.empty, count: old.count * 2)
        mask = entries.count - 1
        for entry in old where entry.index >= 0 {
            var slot = hash(entry.key) & mask
            while entries[slot].index >= 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}
