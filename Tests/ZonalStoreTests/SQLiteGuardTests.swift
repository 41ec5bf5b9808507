import Foundation
import GRDB
import Testing
@testable import ZonalStore

/// The SQLite triggers refuse every way of rewriting the audit log (AUDIT.md, "Database guards").
struct SQLiteGuardTests {
    static let columns = "seq, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash"

    @Test(arguments: [
        "UPDATE audit_entries SET actor = 'mallory' WHERE seq = 2",
        "DELETE FROM audit_entries WHERE seq = 2",
        "DELETE FROM audit_entries",
        "INSERT OR REPLACE INTO audit_entries (\(columns)) SELECT \(columns) FROM audit_entries WHERE seq = 2",
        "REPLACE INTO audit_entries (\(columns)) SELECT \(columns) FROM audit_entries WHERE seq = 1",
        "INSERT INTO audit_entries (\(columns)) SELECT \(columns) FROM audit_entries WHERE seq = 2 ON CONFLICT(seq) DO UPDATE SET actor = 'mallory'",
        "INSERT INTO audit_entries (\(columns)) SELECT seq + 10, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash FROM audit_entries WHERE seq = 3",
        "INSERT INTO audit_entries (\(columns)) SELECT NULL, timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash FROM audit_entries WHERE seq = 3",
        "UPDATE audit_checkpoints SET note = 'x' WHERE id = 1",
        "DELETE FROM audit_checkpoints",
        "INSERT OR REPLACE INTO audit_checkpoints (id, size, note) SELECT id, size, note FROM audit_checkpoints WHERE id = 1",
        "DELETE FROM audit_keys",
    ])
    func rewritesAreRejected(_ sql: String) async throws {
        let fixture = try await StoreFixture.make()
        _ = try await fixture.populate()
        let before = try await fixture.store.auditSnapshot()
        // Refused by a guard, not by some other error (a typo in the statement would also throw).
        let error = await #expect(throws: (any Error).self) { try await fixture.tamper(sql) }
        let message = String(describing: error)
        #expect(message.contains("append-only") || message.contains("must be the next number"), "\(message)")
        let after = try await fixture.store.auditSnapshot()
        #expect(after.rows.count == before.rows.count && after.checkpoints.count == before.checkpoints.count)
        #expect(try await fixture.verify().exitCode == 0)
    }

    @Test func everyConnectionHasRecursiveTriggersOn() async throws {
        let fixture = try await StoreFixture.make()
        #expect(try await fixture.sqlite.auditGuards().allSatisfy { $0.present })
        try await fixture.dropGuards()
        let missing = try await fixture.sqlite.auditGuards().filter { !$0.present }.map(\.name)
        #expect(missing.count == SQLiteAuditGuards.triggers.count)
        #expect(try await fixture.verify().warnings.filter { $0.contains("guard missing") }.count == SQLiteAuditGuards.triggers.count)
    }
}

/// No audit entry, no change: a failure anywhere in the append rolls the business change back.
struct AuditAtomicityTests {
    @Test(arguments: Backend.available, ["audit_entries", "audit_checkpoints", "audit_state"])
    func aFailingAppendRollsTheChangeBack(_ backend: Backend, _ table: String) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let before = try await fixture.store.auditSnapshot().rows.count
        let event = table == "audit_state" ? "UPDATE" : "INSERT"
        switch backend {
        case .sqlite:
            try await fixture.tamper("CREATE TRIGGER injected_failure BEFORE \(event) ON \(table) BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        case .postgresql:
            try await fixture.tamper("CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$")
            try await fixture.tamper("CREATE TRIGGER injected_failure BEFORE \(event) ON \(table) FOR EACH ROW EXECUTE FUNCTION injected_failure()")
        }
        await #expect(throws: (any Error).self) { try await fixture.store.createProject(name: "Second site", by: .hostOperator("root")) }
        await #expect(throws: (any Error).self) {
            try await fixture.store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "v2", comment: "", baseVersionID: setup.version.id), by: .of(setup.engineer))
        }
        try await fixture.tamper(backend == .sqlite ? "DROP TRIGGER injected_failure" : "DROP TRIGGER injected_failure ON \(table)")
        #expect(try await fixture.store.projects().map(\.name) == ["Crude Unit 1"])
        #expect(try await fixture.store.modelVersions(projectID: setup.project.id, modelName: "plant").count == 1)
        #expect(try await fixture.store.auditSnapshot().rows.count == before)
        // The store still works afterwards and the log still verifies.
        _ = try await fixture.store.createProject(name: "Second site", by: .hostOperator("root"))
        #expect(try await fixture.verify().exitCode == 0)
    }
}

/// Migrations run at open, from an empty file and from the previous schema version.
struct SQLiteMigrationTests {
    @Test func anEmptyFileGetsEveryMigration() async throws {
        let fixture = try await StoreFixture.make()
        #expect(SQLiteMigrations.migrator.migrations.suffix(2) == ["004-sessions", "005-account-state"])
        #expect(try await fixture.sqlite.appliedMigrations() == SQLiteMigrations.migrator.migrations)
    }

    @Test func aDatabaseAtTheFirstVersionIsUpgradedWithItsDataKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(queue, upTo: "001-core")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES ('ada', 'admin', 'scrypt$x', '2026-01-01T00:00:00.000Z')")
            }
            try queue.close()
        }
        let database = try SQLiteDatabase(path: path)
        #expect(try await database.appliedMigrations() == SQLiteMigrations.migrator.migrations)
        let store = SQLZonalStore(database: database, signingKey: AuditSigningKey(privateKey: .init()))
        #expect(try await store.user(named: "ada")?.role == .admin)
        _ = try await store.createProject(name: "After upgrade", by: .hostOperator("root"))
        #expect(AuditVerifier().verify(try await store.auditSnapshot()).violations.isEmpty)
    }

    @Test func aDatabaseAtThePreviousVersionGetsAccountStateWithItsUsersSessionsAndTokensKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        let migrations = SQLiteMigrations.migrator.migrations
        let secret = TokenSecret.generate()
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(queue, upTo: migrations[migrations.count - 2])
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES ('ada', 'admin', 'scrypt$x', '2026-01-01T00:00:00.000Z')")
                try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES ('eve', 'engineer', 'scrypt$x', '2026-01-01T00:00:00.000Z')")
                try db.execute(sql: "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ('h', 2, 'c', '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z')")
                try db.execute(sql: "INSERT INTO api_tokens (user_id, name, scopes, secret_hash, created_at) VALUES (2, 'ci', 'read', ?, '2026-01-01T00:00:00.000Z')", arguments: [TokenSecret.hash(secret)])
            }
            try queue.close()
        }
        let database = try SQLiteDatabase(path: path)
        #expect(try await database.appliedMigrations() == migrations)
        let store = SQLZonalStore(database: database, signingKey: AuditSigningKey(privateKey: .init()))
        let eve = try #require(try await store.user(named: "eve"))
        #expect(!eve.isDisabled)
        #expect(try await store.session(idHash: "h")?.user.name == "eve")
        #expect(try await store.bearer(secret: secret)?.user.name == "eve")
        let epoch = try await store.accessEpoch()
        _ = try await store.setDisabled(userID: eve.id, true, by: .hostOperator("root"))
        #expect(try await store.accessEpoch() > epoch, "the new trigger bumps the access epoch")
        #expect(try await store.session(idHash: "h") == nil)
        #expect(try await store.bearer(secret: secret) == nil)
        #expect(AuditVerifier().verify(try await store.auditSnapshot()).violations.isEmpty)
    }
}
