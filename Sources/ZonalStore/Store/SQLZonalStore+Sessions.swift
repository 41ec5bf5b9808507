import Foundation

extension SQLZonalStore {
    public func session(idHash: String) async throws -> SignedIn<StoredSession>? {
        let now = timestamp
        return try await database.read { session -> SignedIn<StoredSession>? in
            guard let row = try await session.queryOne("SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?", [.text(idHash), .text(now)]),
                  let userRow = try await session.queryOne("SELECT * FROM users WHERE id = ? AND disabled_at IS NULL", [.integer(try row.int("user_id"))])
            else { return nil }
            return SignedIn(credential: try StoredSession(row: row), user: try User(row: userRow))
        }
    }

    public func endSession(idHash: String, by actor: AuditActor) async throws {
        try await change(by: actor) { session in
            try await session.execute("DELETE FROM sessions WHERE id_hash = ?", [.text(idHash)])
            return ((), AuditEvent(action: "auth.logout", objectType: "user", objectID: actor.name))
        }
    }

    public func deleteExpiredSessions() async throws {
        let now = timestamp
        try await database.write { session in try await session.execute("DELETE FROM sessions WHERE expires_at <= ?", [.text(now)]) }
    }

    public func accessEpoch() async throws -> Int64 {
        guard let row = try await database.query("SELECT value FROM access_epoch WHERE id = 1").first else { throw StoreError.corrupt("access_epoch is empty") }
        return try row.int("value")
    }

    public func epochs() async throws -> StoreEpochs {
        guard let row = try await database.query(Self.epochsQuery).first else { throw StoreError.corrupt("access_epoch or audit_state is empty") }
        return StoreEpochs(access: try row.int("access"), changes: try row.int("changes"))
    }

    static let epochsQuery = "SELECT a.value AS access, s.size AS changes FROM access_epoch a, audit_state s WHERE a.id = 1 AND s.id = 1"
}

extension StoredSession {
    init(row: SQLRow) throws {
        self.init(idHash: try row.text("id_hash"), userID: try row.int("user_id"), csrfToken: try row.text("csrf_token"),
                  createdAt: try row.text("created_at"), expiresAt: try row.text("expires_at"))
    }
}
