import Foundation
import Testing
@testable import ZonalStore

/// PostgreSQL's guards: grants deny the application role every rewrite, and triggers deny even the tables' owner
/// (AUDIT.md, "Database guards"). Runs wherever the contract suite runs on PostgreSQL.
struct PostgresGuardTests {
    static var enabled: Bool { Backend.available.contains(.postgresql) }

    static let columns = "seq, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash"
    static let rewrites = [
        "UPDATE audit_entries SET actor = 'mallory' WHERE seq = 2",
        "DELETE FROM audit_entries WHERE seq = 2",
        "TRUNCATE audit_entries",
        "INSERT INTO audit_entries (\(columns)) SELECT \(columns) FROM audit_entries WHERE seq = 2 ON CONFLICT (seq) DO UPDATE SET actor = 'mallory'",
        "INSERT INTO audit_entries (\(columns)) SELECT seq + 10, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash FROM audit_entries WHERE seq = 3",
        "UPDATE audit_checkpoints SET note = 'x'",
        "DELETE FROM audit_checkpoints",
        "TRUNCATE audit_checkpoints",
        "DELETE FROM audit_keys",
        "DROP TRIGGER audit_entries_no_change ON audit_entries",
        "ALTER TABLE audit_entries DISABLE TRIGGER USER",
    ]

    @Test(.enabled(if: enabled), arguments: rewrites)
    func theApplicationRoleCannotRewriteTheLog(_ sql: String) async throws {
        let fixture = try await StoreFixture.make(.postgresql)
        _ = try await fixture.populate()
        let error = await #expect(throws: (any Error).self) { try await fixture.store.database.write { try await $0.execute(sql, []) } }
        let message = String(reflecting: error)
        #expect(message.contains("permission denied") || message.contains("must be owner") || message.contains("must be the next number"), "\(message)")
        #expect(try await fixture.verify().exitCode == 0)
    }

    /// Even a role that may (the owner or a superuser) is stopped by the triggers while they are enabled.
    @Test(.enabled(if: enabled), arguments: Array(rewrites.prefix(9)))
    func triggersStopEvenTheOwner(_ sql: String) async throws {
        let fixture = try await StoreFixture.make(.postgresql)
        _ = try await fixture.populate()
        let error = await #expect(throws: (any Error).self) { try await fixture.tamper(sql) }
        let message = String(reflecting: error)
        #expect(message.contains("append-only") || message.contains("must be the next number"), "\(message)")
    }

    @Test(.enabled(if: enabled))
    func guardsAreReportedPresentForTheApplicationRole() async throws {
        let fixture = try await StoreFixture.make(.postgresql)
        let guards = try await fixture.store.database.auditGuards()
        #expect(guards.allSatisfy { $0.present }, "\(guards.filter { !$0.present })")
        try await fixture.dropGuards()
        #expect(try await fixture.store.database.auditGuards().filter { !$0.present }.count == PostgresAuditGuards.triggers.count)
    }

    @Test(.enabled(if: enabled))
    func migrationsAreRecordedAndRerunsAreHarmless() async throws {
        let fixture = try await StoreFixture.make(.postgresql)
        let every = PostgresMigrations.all(appRole: "", logID: "").map(\.id)
        #expect(every.suffix(2) == ["004-sessions", "005-account-state"])
        #expect(try await fixture.store.database.appliedMigrations() == every)
        let admin = try #require(fixture.attacker as? PostgresDatabase)
        let appRole = try #require(URLComponents(string: ProcessInfo.processInfo.environment[Backend.appVariable] ?? "")?.user)
        try await admin.migrate(appRole: appRole)
        #expect(try await fixture.store.database.appliedMigrations() == every)
    }

    @Test(.enabled(if: enabled))
    func aDatabaseAtThePreviousVersionIsUpgradedWithItsDataKept() async throws {
        let environment = ProcessInfo.processInfo.environment
        let (adminURL, appURL) = try await StoreFixture.emptyPostgresDatabase(adminURL: try #require(environment[Backend.adminVariable]), appURL: try #require(environment[Backend.appVariable]))
        let appRole = try #require(URLComponents(string: appURL)?.user)
        let every = PostgresMigrations.all(appRole: "", logID: "").map(\.id)
        let previous = every[every.count - 2]
        let key = AuditSigningKey(privateKey: .init())
        let admin = try PostgresDatabase.administrator(url: adminURL)
        try await admin.migrate(appRole: appRole, upTo: previous)
        #expect(try await admin.appliedMigrations() == Array(every.dropLast()))
        // Data written by the previous version, through the administrator (the application refuses an old schema).
        let old = SQLZonalStore(database: admin, signingKey: key)
        let ada = try await old.createUser(name: "ada", role: .admin, passwordHash: try PasswordHasher.testing.hash("correct horse"), by: .hostOperator("root"))
        let project = try await old.createProject(name: "Before upgrade", by: .of(ada))
        let token = try await old.createToken(userID: ada.id, name: "ci", scopes: [.read], by: .of(ada))
        await #expect(throws: StoreError.self, "the application does not run on an old schema") { try await PostgresDatabase.open(url: appURL) }

        let upgraded = SQLZonalStore(database: try await PostgresDatabase.open(url: appURL, adminURL: adminURL), signingKey: key)
        #expect(try await upgraded.database.appliedMigrations() == every)
        #expect(try await upgraded.user(named: "ada") == ada)
        #expect(try await upgraded.project(id: project.id) == project)
        let session = StoredSession(idHash: "h", userID: ada.id, csrfToken: "c", createdAt: Timestamp.format(Date()), expiresAt: Timestamp.format(Date().addingTimeInterval(60)))
        _ = try await upgraded.recordSignIn(name: "ada", succeeded: true, policy: .standard, starting: session, by: .of(ada))
        #expect(try await upgraded.session(idHash: "h")?.user.name == "ada")
        // 005-account-state: every account starts enabled, tokens keep working, and a disable bumps the access epoch.
        #expect(try await upgraded.user(named: "ada")?.isDisabled == false)
        #expect(try await upgraded.bearer(secret: token.secret)?.user.name == "ada")
        let bob = try await upgraded.createUser(name: "bob", role: .admin, passwordHash: try PasswordHasher.testing.hash("bob's password"), by: .of(ada))
        let epoch = try await upgraded.accessEpoch()
        _ = try await upgraded.setDisabled(userID: ada.id, true, by: .of(bob))
        #expect(try await upgraded.accessEpoch() > epoch)
        #expect(try await upgraded.session(idHash: "h") == nil)
        #expect(try await upgraded.bearer(secret: token.secret) == nil)
        #expect(AuditVerifier(pinnedKeys: [key.publicKey]).verify(try await upgraded.auditSnapshot()).exitCode == 0)
        try await admin.close()
    }
}
