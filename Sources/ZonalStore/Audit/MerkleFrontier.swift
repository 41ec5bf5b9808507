/// The O(log n) state that lets the log's root be extended one leaf at a time: the roots of the perfect subtrees
/// that make up a tree of `size` leaves, largest (leftmost) first, one per set bit of `size`.
public struct MerkleFrontier: Sendable, Equatable {
    public private(set) var size: Int64
    public private(set) var subtrees: [[UInt8]]

    public init() {
        size = 0
        subtrees = []
    }

    /// Restores a frontier from its stored form; nil when the bytes cannot be the frontier of a tree of that size.
    public init?(size: Int64, packed: [UInt8]) {
        guard size >= 0, packed.count == size.nonzeroBitCount * 32 else { return nil }
        self.size = size
        subtrees = stride(from: 0, to: packed.count, by: 32).map { Array(packed[$0 ..< $0 + 32]) }
    }

    /// The subtree roots concatenated, for storage.
    public var packed: [UInt8] { subtrees.flatMap { $0 } }

    /// Adds a leaf: merges equal-sized subtrees from the right, as binary addition carries.
    public mutating func append(leafHash: [UInt8]) {
        var carry = leafHash
        var merged = size
        while merged & 1 == 1 {
            carry = MerkleHash.node(subtrees.removeLast(), carry)
            merged >>= 1
        }
        subtrees.append(carry)
        size += 1
    }

    /// The RFC 6962 root: the subtree roots folded from the right (smaller subtrees hang off the right edge).
    public var root: [UInt8] {
        guard var accumulated = subtrees.last else { return MerkleHash.emptyRoot }
        for subtree in subtrees.dropLast().reversed() {
            accumulated = MerkleHash.node(subtree, accumulated)
        }
        return accumulated
    }
}
