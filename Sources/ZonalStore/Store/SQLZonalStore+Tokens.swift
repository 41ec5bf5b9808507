extension SQLZonalStore {
    public func createToken(userID: Int64, name: String, scopes: [TokenScope], by actor: AuditActor) async throws -> IssuedToken {
        guard Self.isValidName(name) else { throw StoreError.invalidInput("token name '\(name)' must be 1-64 letters, digits, '.', '-' or '_'") }
        guard !scopes.isEmpty else { throw StoreError.invalidInput("a token needs at least one scope: read or write") }
        let secret = TokenSecret.generate()
        let secretHash = TokenSecret.hash(secret)
        let createdAt = timestamp
        let scopeText = scopes.map(\.rawValue).joined(separator: " ")
        return try await change(by: actor) { session in
            guard try await session.queryOne("SELECT id FROM users WHERE id = ?", [.integer(userID)]) != nil else { throw StoreError.notFound("user \(userID)") }
            let rows = try await session.query("INSERT INTO api_tokens (user_id, name, scopes, secret_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                               [.integer(userID), .text(name), .text(scopeText), .text(secretHash), .text(createdAt)])
            let token = APIToken(id: try rows[0].int("id"), userID: userID, name: name, scopes: scopes, secretHash: secretHash, createdAt: createdAt)
            return (IssuedToken(token: token, secret: secret),
                    AuditEvent(action: "token.create", objectType: "api-token", objectID: String(token.id), objectHash: Self.stateHash(token.canonicalState), payload: ["name": name, "scopes": scopeText]))
        }
    }

    public func bearer(secret: String) async throws -> (token: APIToken, user: User)? {
        let hash = TokenSecret.hash(secret)
        return try await database.read { session -> SignedIn<APIToken>? in
            guard let row = try await session.queryOne("SELECT * FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL", [.text(hash)]) else { return nil }
            let token = try APIToken(row: row)
            guard let userRow = try await session.queryOne("SELECT * FROM users WHERE id = ? AND disabled_at IS NULL", [.integer(token.userID)]) else { return nil }
            return SignedIn(credential: token, user: try User(row: userRow))
        }.map { ($0.credential, $0.user) }
    }

    public func revokeToken(id: Int64, by actor: AuditActor) async throws -> APIToken {
        let revokedAt = timestamp
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM api_tokens WHERE id = ?", [.integer(id)]) else { throw StoreError.notFound("token \(id)") }
            var token = try APIToken(row: row)
            guard token.revokedAt == nil else { throw StoreError.invalidState("token \(id) was already revoked") }
            try await session.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", [.text(revokedAt), .integer(id)])
            token.revokedAt = revokedAt
            return (token, AuditEvent(action: "token.revoke", objectType: "api-token", objectID: String(id), objectHash: Self.stateHash(token.canonicalState)))
        }
    }
}

extension SQLZonalStore {
    public func tokens(userID: Int64) async throws -> [APIToken] {
        try await database.query("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id DESC", [.integer(userID)]).map(APIToken.init(row:))
    }
}

extension APIToken {
    init(row: SQLRow) throws {
        let scopes = try row.text("scopes").split(separator: " ").map { text in
            guard let scope = TokenScope(rawValue: String(text)) else { throw StoreError.corrupt("unknown token scope \(text)") }
            return scope
        }
        self.init(id: try row.int("id"), userID: try row.int("user_id"), name: try row.text("name"), scopes: scopes, secretHash: try row.text("secret_hash"),
                  createdAt: try row.text("created_at"), revokedAt: try row.optionalText("revoked_at"))
    }
}
