/// The audit tables as stored, column values untouched, for the verifier.
public struct AuditSnapshot: Sendable {
    /// The origin line every checkpoint of this log must carry.
    public let origin: String
    public let rows: [Row]
    public let checkpoints: [StoredCheckpoint]
    /// Public keys the database says it signed with (base64), by C2SP key id (hex).
    public let keys: [String: String]
    public let guards: [AuditGuard]

    /// One audit row as read: `seq`, the eleven fields in canonical order, and the stored leaf hash.
    public struct Row: Sendable {
        public let seq: SQLValue
        public let fields: [SQLValue]
        public let leafHash: SQLValue
    }

    /// A checkpoint note as stored, with the row id that orders them.
    public struct StoredCheckpoint: Sendable {
        public let id: Int64
        public let note: String
    }

    public init(origin: String, rows: [Row], checkpoints: [StoredCheckpoint], keys: [String: String], guards: [AuditGuard]) {
        self.origin = origin
        self.rows = rows
        self.checkpoints = checkpoints
        self.keys = keys
        self.guards = guards
    }

    /// The leaf hashes as stored (for proofs; the verifier recomputes them instead).
    public var storedLeaves: [[UInt8]] { rows.compactMap(\.leafHash.bytes) }
}
