/// An RFC 9162 inclusion proof: the sibling hashes that connect one leaf to the root of a tree of `treeSize` leaves.
public struct InclusionProof: Sendable, Equatable, Codable {
    /// Zero-based index of the leaf (the entry's seq minus one).
    public let leafIndex: Int64
    public let treeSize: Int64
    public let path: [[UInt8]]

    public init(leafIndex: Int64, treeSize: Int64, path: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.path = path
    }

    /// Builds the audit path PATH(m, D[n]) of RFC 9162 section 2.1.3.1 from all leaf hashes of the tree.
    public static func make(leafIndex: Int, leaves: ArraySlice<[UInt8]>) -> InclusionProof {
        precondition(leaves.indices.contains(leaves.startIndex + leafIndex), "leaf index outside the tree")
        return InclusionProof(leafIndex: Int64(leafIndex), treeSize: Int64(leaves.count), path: path(leafIndex, leaves))
    }

    private static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        guard leaves.count > 1 else { return [] }
        let k = MerkleHash.largestPowerOfTwo(below: leaves.count)
        let split = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<split]) + [MerkleHash.root(of: leaves[split...])]
        }
        return path(m - k, leaves[split...]) + [MerkleHash.root(of: leaves[..<split])]
    }

    /// The root this proof and leaf hash lead to, by RFC 9162 section 2.1.3.2; nil when the proof's shape is impossible
    /// for its tree size (too long, too short, or an index outside the tree). Every step is checked, not only the ends.
    public func root(forLeafHash leafHash: [UInt8]) -> [UInt8]? {
        guard treeSize > 0, leafIndex >= 0, leafIndex < treeSize else { return nil }
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for sibling in path {
            guard sibling.count == 32, sn != 0 else { return nil }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(sibling, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = MerkleHash.node(r, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 ? r : nil
    }
}
