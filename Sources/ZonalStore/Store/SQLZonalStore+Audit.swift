extension SQLZonalStore {
    public func record(_ event: AuditEvent, by actor: AuditActor) async throws -> AuditEntry {
        let audit = self.audit
        return try await database.write { session in try await audit.append(event, by: actor, in: session) }
    }

    /// Replaces the signing key: appends an `audit.key.rotate` entry endorsed and checkpointed by the current key and
    /// registers `newKey`, so stores opened with `newKey` from now on extend a chain verifiers already trust.
    public func rotateSigningKey(to newKey: AuditSigningKey, by actor: AuditActor) async throws -> AuditEntry {
        let audit = self.audit
        return try await database.write { session in
            guard let identity = try await session.queryOne("SELECT log_id FROM store_identity WHERE id = 1") else { throw StoreError.corrupt("store_identity is empty") }
            let origin = StoreIdentity.origin(logID: try identity.text("log_id"))
            let newKeyID = newKey.keyID(name: origin).hexString
            guard try await session.queryOne("SELECT key_id FROM audit_keys WHERE key_id = ?", [.text(newKeyID)]) == nil else {
                throw StoreError.invalidState("the new key \(newKeyID) has signed for this log already; rotate to a key never used")
            }
            let entry = try await audit.append(try KeyRotation.event(origin: origin, from: audit.key, to: newKey), by: actor, in: session)
            try await session.execute("INSERT INTO audit_keys (key_id, public_key, registered_seq) VALUES (?, ?, ?)", [.text(newKeyID), .text(newKey.publicKey.base64), .integer(entry.seq)])
            return entry
        }
    }

    public func auditEntries(after seq: Int64, limit: Int) async throws -> [AuditEntry] {
        try await database.query("SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?", [.integer(seq), .integer(Int64(limit))]).map(AuditEntry.init(row:))
    }

    public func auditSnapshot() async throws -> AuditSnapshot {
        let guards = try await database.auditGuards()
        return try await database.read { session in
            guard let identity = try await session.queryOne("SELECT log_id FROM store_identity WHERE id = 1") else { throw StoreError.corrupt("store_identity is empty") }
            let rows = try await session.query("SELECT * FROM audit_entries ORDER BY seq").map { row in
                AuditSnapshot.Row(seq: row["seq"], fields: AuditEntry.columns.map { row[$0] }, leafHash: row["leaf_hash"])
            }
            let checkpoints = try await session.query("SELECT id, note FROM audit_checkpoints ORDER BY id").map { row in
                AuditSnapshot.StoredCheckpoint(id: try row.int("id"), note: try row.text("note"))
            }
            var keys: [String: String] = [:]
            for row in try await session.query("SELECT key_id, public_key FROM audit_keys") {
                keys[try row.text("key_id")] = try row.text("public_key")
            }
            return AuditSnapshot(origin: StoreIdentity.origin(logID: try identity.text("log_id")), rows: rows, checkpoints: checkpoints, keys: keys, guards: guards)
        }
    }
}

extension AuditEntry {
    /// The stored columns of the eleven canonical fields, in canonical order.
    static let columns = ["timestamp", "actor", "actor_role", "auth_context", "source_address", "action", "object_type", "object_id", "object_hash", "result", "payload"]

    init(row: SQLRow) throws {
        guard let result = AuditResult(rawValue: try row.text("result")) else { throw StoreError.corrupt("unknown audit result") }
        self.init(seq: try row.int("seq"), timestamp: try row.text("timestamp"), actor: try row.text("actor"), actorRole: try row.text("actor_role"),
                  authContext: try row.text("auth_context"), sourceAddress: try row.text("source_address"), action: try row.text("action"),
                  objectType: try row.text("object_type"), objectID: try row.text("object_id"), objectHash: try row.text("object_hash"),
                  result: result, payload: try row.text("payload"), leafHash: try row.blob("leaf_hash"))
    }
}
