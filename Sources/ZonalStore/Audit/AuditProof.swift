import Foundation

/// An inclusion proof for one entry, self-contained: the entry, the audit path and the signed checkpoint it leads to.
/// `zonal audit verify-proof` checks it with nothing but a public key.
public struct AuditProof: Sendable, Equatable, Codable {
    public static let format = "zonal-audit-inclusion-proof/1"

    public var entry: AuditEntry
    public var proof: InclusionProof
    /// The checkpoint note whose root the path must reach.
    public var checkpoint: String

    public init(entry: AuditEntry, proof: InclusionProof, checkpoint: String) {
        self.entry = entry
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Nil when the proof holds; otherwise why it does not.
    public func verify(keys: [AuditPublicKey]) throws(CheckpointError) -> String? {
        let signed = try Checkpoint.parse(checkpoint)
        guard signed.isSigned(byAnyOf: keys) else { return "the checkpoint is not signed by the given public key" }
        guard signed.size == proof.treeSize else { return "the proof is for a tree of \(proof.treeSize) entries but the checkpoint has \(signed.size)" }
        guard entry.seq == proof.leafIndex + 1 else { return "the proof is for entry \(proof.leafIndex + 1), not \(entry.seq)" }
        let leaf = AuditEntry.leafHash(seq: entry.seq, fields: entry.fieldBytes)
        guard leaf == entry.leafHash else { return "entry \(entry.seq) does not match its leaf hash: it was changed" }
        guard let root = proof.root(forLeafHash: leaf) else { return "the audit path has the wrong shape for a tree of \(proof.treeSize) entries" }
        guard root == signed.root else { return "the audit path does not lead to the checkpoint's root" }
        return nil
    }

    /// Checks against a separately kept checkpoint note (or the one inside the proof when nil).
    public func verify(against trusted: Checkpoint?, keys: [AuditPublicKey]) throws(CheckpointError) -> String? {
        guard let trusted else { return try verify(keys: keys) }
        var copy = self
        copy.checkpoint = trusted.note
        return try copy.verify(keys: keys)
    }

    enum CodingKeys: String, CodingKey { case format, entry, leafIndex, treeSize, path, checkpoint }
    enum EntryKeys: String, CodingKey { case seq, timestamp, actor, actorRole, authContext, sourceAddress, action, objectType, objectID, objectHash, result, payload, leafHash }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(proof.leafIndex, forKey: .leafIndex)
        try container.encode(proof.treeSize, forKey: .treeSize)
        try container.encode(proof.path.map(\.hexString), forKey: .path)
        try container.encode(checkpoint, forKey: .checkpoint)
        var nested = container.nestedContainer(keyedBy: EntryKeys.self, forKey: .entry)
        try nested.encode(entry.seq, forKey: .seq)
        try nested.encode(entry.timestamp, forKey: .timestamp)
        try nested.encode(entry.actor, forKey: .actor)
        try nested.encode(entry.actorRole, forKey: .actorRole)
        try nested.encode(entry.authContext, forKey: .authContext)
        try nested.encode(entry.sourceAddress, forKey: .sourceAddress)
        try nested.encode(entry.action, forKey: .action)
        try nested.encode(entry.objectType, forKey: .objectType)
        try nested.encode(entry.objectID, forKey: .objectID)
        try nested.encode(entry.objectHash, forKey: .objectHash)
        try nested.encode(entry.result, forKey: .result)
        try nested.encode(entry.payload, forKey: .payload)
        try nested.encode(entry.leafHash.hexString, forKey: .leafHash)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.format else { throw DecodingError.dataCorruptedError(forKey: .format, in: container, debugDescription: "unknown proof format \(format); expected \(Self.format)") }
        let path = try container.decode([String].self, forKey: .path).map { text in
            guard let bytes = [UInt8](hexString: text), bytes.count == 32 else { throw DecodingError.dataCorruptedError(forKey: .path, in: container, debugDescription: "a path hash is not 64 hex digits") }
            return bytes
        }
        proof = InclusionProof(leafIndex: try container.decode(Int64.self, forKey: .leafIndex), treeSize: try container.decode(Int64.self, forKey: .treeSize), path: path)
        checkpoint = try container.decode(String.self, forKey: .checkpoint)
        let nested = try container.nestedContainer(keyedBy: EntryKeys.self, forKey: .entry)
        guard let leaf = [UInt8](hexString: try nested.decode(String.self, forKey: .leafHash)) else {
            throw DecodingError.dataCorruptedError(forKey: .leafHash, in: nested, debugDescription: "the leaf hash is not hex")
        }
        entry = AuditEntry(seq: try nested.decode(Int64.self, forKey: .seq), timestamp: try nested.decode(String.self, forKey: .timestamp), actor: try nested.decode(String.self, forKey: .actor),
                           actorRole: try nested.decode(String.self, forKey: .actorRole), authContext: try nested.decode(String.self, forKey: .authContext),
                           sourceAddress: try nested.decode(String.self, forKey: .sourceAddress), action: try nested.decode(String.self, forKey: .action),
                           objectType: try nested.decode(String.self, forKey: .objectType), objectID: try nested.decode(String.self, forKey: .objectID),
                           objectHash: try nested.decode(String.self, forKey: .objectHash), result: try nested.decode(AuditResult.self, forKey: .result),
                           payload: try nested.decode(String.self, forKey: .payload), leafHash: leaf)
    }
}

/// Builds proofs from a snapshot of the log.
public enum AuditProofs {
    /// The inclusion proof of entry `seq` in the tree of the stored checkpoint of `treeSize` entries (the latest when nil),
    /// so an entry can be proven against a checkpoint someone kept.
    public static func inclusion(seq: Int64, treeSize: Int64? = nil, snapshot: AuditSnapshot) throws(StoreError) -> AuditProof {
        let candidates = snapshot.checkpoints.reversed().compactMap { stored in (try? Checkpoint.parse(stored.note)).map { (stored, $0) } }
        guard let (stored, checkpoint) = candidates.first(where: { treeSize == nil || $0.1.size == treeSize }) else {
            throw .notFound(treeSize.map { "a signed checkpoint of \($0) entries" } ?? "a signed checkpoint")
        }
        guard seq >= 1, seq <= checkpoint.size, Int(checkpoint.size) <= snapshot.rows.count else {
            throw .notFound("entry \(seq) in the checkpointed log of \(checkpoint.size) entries")
        }
        let leaves = snapshot.storedLeaves
        let row = snapshot.rows[Int(seq - 1)]
        let fields = row.fields.map { $0.bytes.map { String(decoding: $0, as: UTF8.self) } ?? "" }
        guard case .integer(seq) = row.seq, let result = AuditResult(rawValue: fields[9]), let leaf = row.leafHash.bytes else {
            throw .corrupt("entry \(seq) cannot be read; run `zonal audit verify`")
        }
        let entry = AuditEntry(seq: seq, timestamp: fields[0], actor: fields[1], actorRole: fields[2], authContext: fields[3], sourceAddress: fields[4], action: fields[5],
                               objectType: fields[6], objectID: fields[7], objectHash: fields[8], result: result, payload: fields[10], leafHash: leaf)
        let proof = InclusionProof.make(leafIndex: Int(seq - 1), leaves: leaves[..<Int(checkpoint.size)])
        return AuditProof(entry: entry, proof: proof, checkpoint: stored.note)
    }
}
