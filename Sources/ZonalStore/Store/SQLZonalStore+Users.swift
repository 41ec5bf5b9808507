import Foundation

extension SQLZonalStore {
    public func createUser(name: String, role: Role, passwordHash: String, by actor: AuditActor) async throws -> User {
        guard Self.isValidName(name) else { throw StoreError.invalidInput("user name '\(name)' must be 1-64 letters, digits, '.', '-' or '_'") }
        let createdAt = timestamp
        do {
            return try await change(by: actor) { session in
                let rows = try await session.query("INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id", [.text(name), .text(role.rawValue), .text(passwordHash), .text(createdAt)])
                let user = User(id: try rows[0].int("id"), name: name, role: role, passwordHash: passwordHash, createdAt: createdAt)
                return (user, AuditEvent(action: "user.create", objectType: "user", objectID: name, objectHash: Self.stateHash(user.canonicalState), payload: ["role": role.rawValue]))
            }
        } catch {
            throw Self.translate(error, duplicate: "user '\(name)'")
        }
    }

    public func user(named name: String) async throws -> User? {
        try await database.query("SELECT * FROM users WHERE name = ?", [.text(name)]).first.map(User.init(row:))
    }

    public func user(id: Int64) async throws -> User? {
        try await database.query("SELECT * FROM users WHERE id = ?", [.integer(id)]).first.map(User.init(row:))
    }

    public func users() async throws -> [User] {
        try await database.query("SELECT * FROM users ORDER BY name").map(User.init(row:))
    }

    public func setRole(userID: Int64, role: Role, by actor: AuditActor) async throws -> User {
        try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM users WHERE id = ?", [.integer(userID)]) else { throw StoreError.notFound("user \(userID)") }
            var user = try User(row: row)
            let previous = user.role
            if previous == .admin, role != .admin, !user.isDisabled { try await Self.keepAnEnabledAdmin(besides: user, losing: "get another role", in: session) }
            try await session.execute("UPDATE users SET role = ? WHERE id = ?", [.text(role.rawValue), .integer(userID)])
            // A different role is a different set of rights: the user signs in again to get them (and to lose the old ones).
            if previous != role { try await Self.endSessions(userID: userID, in: session) }
            user.role = role
            return (user, AuditEvent(action: "user.role.change", objectType: "user", objectID: user.name, objectHash: Self.stateHash(user.canonicalState), payload: ["from": previous.rawValue, "to": role.rawValue]))
        }
    }

    public func recordSignIn(name: String, succeeded: Bool, policy: LockoutPolicy, starting stored: StoredSession?, by actor: AuditActor) async throws -> User? {
        let at = now()
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM users WHERE name = ?", [.text(name)]) else {
                return (nil, AuditEvent(action: "auth.login.failed", objectType: "user", objectID: name, result: .denied, payload: ["reason": "unknown user"]))
            }
            var user = try User(row: row)
            // Checked here, in the sign-in's transaction, so an account disabled a moment ago starts no session.
            if user.isDisabled {
                return (user, AuditEvent(action: "auth.login.failed", objectType: "user", objectID: name, objectHash: Self.stateHash(user.canonicalState), result: .denied,
                                         payload: ["reason": "account disabled", "disabledAt": user.disabledAt ?? ""]))
            }
            let lockedBefore = user.isLocked(at: at)
            if succeeded {
                user.failedLogins = 0
                user.lockedUntil = nil
            } else {
                user.failedLogins += 1
                if user.failedLogins >= policy.maximumFailures {
                    user.lockedUntil = Timestamp.format(at.addingTimeInterval(TimeInterval(policy.lockSeconds)))
                    // Someone is guessing this password: a session they may already hold ends with the lock.
                    try await Self.endSessions(userID: user.id, in: session)
                }
            }
            try await session.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", [.integer(Int64(user.failedLogins)), user.lockedUntil.sql, .integer(user.id)])
            if succeeded, let stored {
                guard stored.userID == user.id else { throw StoreError.invalidInput("the session belongs to user \(stored.userID), not \(name)") }
                try await session.execute("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                                          [.text(stored.idHash), .integer(stored.userID), .text(stored.csrfToken), .text(stored.createdAt), .text(stored.expiresAt)])
            }
            let event = succeeded
                ? AuditEvent(action: "auth.login", objectType: "user", objectID: name, objectHash: Self.stateHash(user.canonicalState))
                : AuditEvent(action: "auth.login.failed", objectType: "user", objectID: name, objectHash: Self.stateHash(user.canonicalState), result: .denied,
                             payload: ["failures": String(user.failedLogins), "lockedUntil": user.lockedUntil ?? "", "reason": lockedBefore ? "account locked" : "wrong password"])
            return (user, event)
        }
    }

    public func setPassword(userID: Int64, passwordHash: String, by actor: AuditActor) async throws -> User {
        let revokedAt = timestamp
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM users WHERE id = ?", [.integer(userID)]) else { throw StoreError.notFound("user \(userID)") }
            var user = try User(row: row)
            try await session.execute("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?", [.text(passwordHash), .integer(userID)])
            // Whoever knew the old password is signed out, whichever browser they use, and loses any token they made
            // with it: the store cannot tell a routine change from one after a compromise, so it treats each as the latter.
            try await Self.endSessions(userID: userID, in: session)
            let revoked = try await session.query("SELECT id FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id", [.integer(userID)]).map { try $0.int("id") }
            try await session.execute("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", [.text(revokedAt), .integer(userID)])
            user.passwordHash = passwordHash
            user.failedLogins = 0
            user.lockedUntil = nil
            return (user, AuditEvent(action: "user.password.change", objectType: "user", objectID: user.name, objectHash: Self.stateHash(user.canonicalState),
                                     payload: ["tokensRevoked": revoked.map(String.init).joined(separator: " ")]))
        }
    }

    public func setDisabled(userID: Int64, _ disabled: Bool, by actor: AuditActor) async throws -> User {
        let at = timestamp
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM users WHERE id = ?", [.integer(userID)]) else { throw StoreError.notFound("user \(userID)") }
            var user = try User(row: row)
            guard user.isDisabled != disabled else { throw StoreError.invalidState("user '\(user.name)' is already \(disabled ? "disabled" : "enabled")") }
            if disabled { try await Self.keepAnEnabledAdmin(besides: user, losing: "be disabled", in: session) }
            try await session.execute("UPDATE users SET disabled_at = ? WHERE id = ?", [disabled ? .text(at) : .null, .integer(userID)])
            // Sessions end now; tokens are kept but refused while the account is disabled (the update bumps the access
            // epoch, so servers drop cached identities before the next request). A password reset revokes them for good.
            if disabled { try await Self.endSessions(userID: userID, in: session) }
            user.disabledAt = disabled ? at : nil
            return (user, AuditEvent(action: disabled ? "user.disable" : "user.enable", objectType: "user", objectID: user.name, objectHash: Self.stateHash(user.canonicalState)))
        }
    }

    /// Refuses a change that would leave no enabled admin, for nobody could manage users then. Counted in the write
    /// transaction, so two admins disabling or demoting each other at once cannot both succeed.
    static func keepAnEnabledAdmin(besides user: User, losing what: String, in session: any SQLSession) async throws {
        guard user.role == .admin, !user.isDisabled else { return }
        let admins = try await session.query("SELECT COUNT(*) AS n FROM users WHERE role = ? AND disabled_at IS NULL", [.text(Role.admin.rawValue)])[0].int("n")
        guard admins > 1 else {
            throw StoreError.invalidState("'\(user.name)' is the last enabled admin and cannot \(what): enable or add another admin first (`zonal users add NAME --role admin`), or nobody could manage users")
        }
    }

    /// Deletes every session of the user inside the caller's transaction; the delete bumps the access epoch, so servers
    /// drop their cached sessions before the next request.
    static func endSessions(userID: Int64, in session: any SQLSession) async throws {
        try await session.execute("DELETE FROM sessions WHERE user_id = ?", [.integer(userID)])
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

extension User {
    init(row: SQLRow) throws {
        guard let role = Role(rawValue: try row.text("role")) else { throw StoreError.corrupt("unknown role \(try row.text("role"))") }
        self.init(id: try row.int("id"), name: try row.text("name"), role: role, passwordHash: try row.text("password_hash"),
                  createdAt: try row.text("created_at"), failedLogins: Int(try row.int("failed_logins")), lockedUntil: try row.optionalText("locked_until"),
                  disabledAt: try row.optionalText("disabled_at"))
    }

    /// True while a lockout is in force at `date`.
    public func isLocked(at date: Date) -> Bool {
        guard let lockedUntil, let until = Timestamp.parse(lockedUntil) else { return false }
        return date < until
    }
}
