import Crypto
import Foundation

/// Appends entries inside the caller's write transaction: next seq, leaf hash, frontier, and a signed checkpoint.
/// Any failure throws, and the caller's transaction (with the business change) rolls back: fail closed.
struct AuditWriter: Sendable {
    let key: AuditSigningKey
    let now: @Sendable () -> Date

    func append(_ event: AuditEvent, by actor: AuditActor, in session: any SQLSession) async throws -> AuditEntry {
        guard let identity = try await session.queryOne("SELECT log_id FROM store_identity WHERE id = 1") else { throw StoreError.corrupt("store_identity is empty") }
        let origin = StoreIdentity.origin(logID: try identity.text("log_id"))
        let keyID = key.keyID(name: origin).hexString
        // A key the log has not seen is registered by an entry of its own, so key rotation is itself on the record.
        if try await session.queryOne("SELECT key_id FROM audit_keys WHERE key_id = ?", [.text(keyID)]) == nil {
            let publicKey = key.publicKey.base64
            let registration = AuditEvent(action: "audit.key.register", objectType: "audit-key", objectID: keyID,
                                          objectHash: Array(SHA256.hash(data: key.publicKey.key.rawRepresentation)).hexString, payload: ["publicKey": publicKey])
            let entry = try await appendOne(registration, by: actor, origin: origin, in: session)
            try await session.execute("INSERT INTO audit_keys (key_id, public_key, registered_seq) VALUES (?, ?, ?)", [.text(keyID), .text(publicKey), .integer(entry.seq)])
        }
        return try await appendOne(event, by: actor, origin: origin, in: session)
    }

    private func appendOne(_ event: AuditEvent, by actor: AuditActor, origin: String, in session: any SQLSession) async throws -> AuditEntry {
        guard let state = try await session.queryOne("SELECT size, frontier FROM audit_state WHERE id = 1"),
              var frontier = MerkleFrontier(size: try state.int("size"), packed: try state.blob("frontier"))
        else { throw StoreError.corrupt("audit_state is missing or malformed") }
        let seq = frontier.size + 1
        let unsigned = AuditEntry(seq: seq, timestamp: Timestamp.format(now()), actor: actor.name, actorRole: actor.role, authContext: actor.authContext,
                                  sourceAddress: actor.sourceAddress, action: event.action, objectType: event.objectType, objectID: event.objectID,
                                  objectHash: event.objectHash, result: event.result, payload: event.payloadJSON, leafHash: [])
        let leaf = AuditEntry.leafHash(seq: seq, fields: unsigned.fieldBytes)
        try await session.execute("""
            INSERT INTO audit_entries (seq, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(seq)] + unsigned.fieldBytes.map { .text(String(decoding: $0, as: UTF8.self)) } + [.blob(leaf)])
        frontier.append(leafHash: leaf)
        try await session.execute("UPDATE audit_state SET size = ?, frontier = ? WHERE id = 1", [.integer(frontier.size), .blob(frontier.packed)])
        let checkpoint = try Checkpoint.signed(origin: origin, size: frontier.size, root: frontier.root, key: key)
        try await session.execute("INSERT INTO audit_checkpoints (size, note) VALUES (?, ?)", [.integer(frontier.size), .text(checkpoint.note)])
        return AuditEntry(seq: seq, timestamp: unsigned.timestamp, actor: unsigned.actor, actorRole: unsigned.actorRole, authContext: unsigned.authContext,
                          sourceAddress: unsigned.sourceAddress, action: unsigned.action, objectType: unsigned.objectType, objectID: unsigned.objectID,
                          objectHash: unsigned.objectHash, result: unsigned.result, payload: unsigned.payload, leafHash: leaf)
    }
}
