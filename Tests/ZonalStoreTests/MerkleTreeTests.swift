import Testing
@testable import ZonalStore

/// RFC 6962 known answers (the Certificate Transparency reference tree of 8 leaves) and proof round trips.
struct MerkleTreeTests {
    static let leafInputs: [[UInt8]] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map { [UInt8](hexString: $0)! }
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    static var leaves: [[UInt8]] { leafInputs.map(MerkleHash.leaf) }

    @Test func emptyTreeRootIsSHA256OfNothing() {
        #expect(MerkleHash.emptyRoot.hexString == Self.roots[0])
        #expect(MerkleFrontier().root.hexString == Self.roots[0])
    }

    @Test func leafHashIsPrefixedWithZero() {
        #expect(MerkleHash.leaf([]).hexString == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    }

    @Test func rootsMatchTheReferenceForEverySize() {
        var frontier = MerkleFrontier()
        for size in 1 ... 8 {
            frontier.append(leafHash: Self.leaves[size - 1])
            #expect(MerkleHash.root(of: Self.leaves[..<size]).hexString == Self.roots[size], "recursive root at size \(size)")
            #expect(frontier.root.hexString == Self.roots[size], "incremental root at size \(size)")
        }
    }

    @Test func inclusionProofsMatchTheReference() {
        let first = InclusionProof.make(leafIndex: 0, leaves: Self.leaves[...])
        #expect(first.path.map(\.hexString) == ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"])
        let sixth = InclusionProof.make(leafIndex: 5, leaves: Self.leaves[...])
        #expect(sixth.path.map(\.hexString) == ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"])
    }

    @Test func frontierSurvivesStorage() {
        var frontier = MerkleFrontier()
        for leaf in Self.leaves.prefix(7) { frontier.append(leafHash: leaf) }
        let restored = MerkleFrontier(size: frontier.size, packed: frontier.packed)
        #expect(restored == frontier)
        #expect(MerkleFrontier(size: 7, packed: Array(frontier.packed.dropLast())) == nil)
    }

    /// Every leaf of every tree size up to 40 proves, and a proof for the wrong leaf, the wrong size, a flipped
    /// sibling, a missing or an extra step does not.
    @Test func everyProofVerifiesAndNoAlteredOneDoes() {
        let leaves = (0 ..< 40).map { MerkleHash.leaf([UInt8($0), UInt8(truncatingIfNeeded: $0 &* 7)]) }
        var frontier = MerkleFrontier()
        for size in 1 ... leaves.count {
            frontier.append(leafHash: leaves[size - 1])
            #expect(MerkleHash.root(of: leaves[..<size]) == frontier.root)
            for index in 0 ..< size {
                let proof = InclusionProof.make(leafIndex: index, leaves: leaves[..<size])
                #expect(proof.root(forLeafHash: leaves[index]) == frontier.root)
                let wrongLeaf = leaves[(index + 1) % leaves.count]
                #expect(proof.root(forLeafHash: wrongLeaf) != frontier.root)
                if !proof.path.isEmpty {
                    var flipped = proof.path
                    flipped[flipped.count / 2][3] ^= 0x10
                    #expect(InclusionProof(leafIndex: proof.leafIndex, treeSize: proof.treeSize, path: flipped).root(forLeafHash: leaves[index]) != frontier.root)
                    #expect(InclusionProof(leafIndex: proof.leafIndex, treeSize: proof.treeSize, path: Array(proof.path.dropLast())).root(forLeafHash: leaves[index]) != frontier.root)
                }
                #expect(InclusionProof(leafIndex: proof.leafIndex, treeSize: proof.treeSize, path: proof.path + [leaves[0]]).root(forLeafHash: leaves[index]) != frontier.root)
                if size < leaves.count {
                    // A proof from a smaller tree must not pass for the larger tree's root.
                    let larger = MerkleHash.root(of: leaves[...size])
                    #expect(InclusionProof(leafIndex: proof.leafIndex, treeSize: proof.treeSize + 1, path: proof.path).root(forLeafHash: leaves[index]) != larger)
                }
            }
        }
    }

    @Test func impossibleProofsAreRejected() {
        #expect(InclusionProof(leafIndex: 3, treeSize: 3, path: []).root(forLeafHash: Self.leaves[0]) == nil)
        #expect(InclusionProof(leafIndex: -1, treeSize: 3, path: []).root(forLeafHash: Self.leaves[0]) == nil)
        #expect(InclusionProof(leafIndex: 0, treeSize: 0, path: []).root(forLeafHash: Self.leaves[0]) == nil)
    }
}
