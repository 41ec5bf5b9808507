/// One committed entry of the audit log, with the leaf hash that was stored beside it.
public struct AuditEntry: Sendable, Equatable, Codable {
    public let seq: Int64
    /// UTC, RFC 3339 with milliseconds.
    public let timestamp: String
    public let actor: String
    public let actorRole: String
    /// How the actor authenticated: a session or token id hash, or `cli` for commands run on the host.
    public let authContext: String
    public let sourceAddress: String
    public let action: String
    public let objectType: String
    public let objectID: String
    /// SHA-256 (hex) of the object's canonical state after the change; empty when there is no object.
    public let objectHash: String
    public let result: AuditResult
    /// JSON without secrets.
    public let payload: String
    public let leafHash: [UInt8]

    public init(seq: Int64, timestamp: String, actor: String, actorRole: String, authContext: String, sourceAddress: String, action: String, objectType: String, objectID: String, objectHash: String, result: AuditResult, payload: String, leafHash: [UInt8]) {
        self.seq = seq
        self.timestamp = timestamp
        self.actor = actor
        self.actorRole = actorRole
        self.authContext = authContext
        self.sourceAddress = sourceAddress
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.objectHash = objectHash
        self.result = result
        self.payload = payload
        self.leafHash = leafHash
    }

    /// The fields in canonical order, as bytes; the verifier rebuilds this list from raw column bytes.
    public var fieldBytes: [[UInt8]] {
        [timestamp, actor, actorRole, authContext, sourceAddress, action, objectType, objectID, objectHash, result.rawValue, payload].map { Array($0.utf8) }
    }

    /// The canonical bytes of seq followed by the other fields.
    public static func canonicalBytes(seq: Int64, fields: [[UInt8]]) -> [UInt8] {
        var encoding = CanonicalEncoding()
        encoding.append(seq)
        for field in fields { encoding.append(field) }
        return encoding.bytes
    }

    /// SHA-256(0x00 || canonical bytes).
    public static func leafHash(seq: Int64, fields: [[UInt8]]) -> [UInt8] {
        MerkleHash.leaf(canonicalBytes(seq: seq, fields: fields))
    }

    public var canonicalBytes: [UInt8] { Self.canonicalBytes(seq: seq, fields: fieldBytes) }
}

/// The outcome an audit entry records.
public enum AuditResult: String, Sendable, Codable, CaseIterable {
    case success, denied, error
}
