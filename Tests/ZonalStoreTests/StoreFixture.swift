import Crypto
import Foundation
import Testing
@testable import ZonalStore

/// The databases the contract suite runs against. PostgreSQL joins when ZONAL_TEST_POSTGRES_URL is set (CI sets it,
/// and sets CI=true so an unreachable server fails the run instead of skipping it).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    static let adminVariable = "ZONAL_TEST_POSTGRES_ADMIN_URL"
    static let appVariable = "ZONAL_TEST_POSTGRES_APP_URL"
    /// Test databases are named with this prefix (default `zonal_test_`), and only those with it are cleaned up, so
    /// test runs of several checkouts on one PostgreSQL server never drop each other's databases.
    static let prefixVariable = "ZONAL_TEST_POSTGRES_PREFIX"
    static var databasePrefix: String { ProcessInfo.processInfo.environment[prefixVariable] ?? "zonal_test_" }

    /// SQLite always; PostgreSQL when configured, and always under CI=true (where a missing server must fail the run).
    static var available: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        return environment[adminVariable] != nil || environment["CI"] == "true" ? [.sqlite, .postgresql] : [.sqlite]
    }
}

/// A fresh store in a temporary directory with a fresh signing key.
struct StoreFixture: Sendable {
    let store: SQLZonalStore
    let key: AuditSigningKey
    let directory: URL
    /// The connection an attacker with full database access would use (SQLite: the file; PostgreSQL: a superuser).
    let attacker: any SQLDatabase
    let backend: Backend

    static func make(_ backend: Backend = .sqlite) async throws -> StoreFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey())
        switch backend {
        case .sqlite:
            let database = try SQLiteDatabase(path: directory.appendingPathComponent("zonal.sqlite").path)
            return StoreFixture(store: SQLZonalStore(database: database, signingKey: key), key: key, directory: directory, attacker: database, backend: backend)
        case .postgresql:
            let environment = ProcessInfo.processInfo.environment
            guard let adminURL = environment[Backend.adminVariable], let appURL = environment[Backend.appVariable] else {
                throw StoreError.unavailable("CI=true but \(Backend.adminVariable) and \(Backend.appVariable) are not set: .ci/run must start PostgreSQL and export them")
            }
            let (testAdminURL, testAppURL) = try await emptyPostgresDatabase(adminURL: adminURL, appURL: appURL)
            let database = try await PostgresDatabase.open(url: testAppURL, adminURL: testAdminURL)
            let attacker = try await PostgresDatabase.open(url: testAdminURL)
            return StoreFixture(store: SQLZonalStore(database: database, signingKey: key), key: key, directory: directory, attacker: attacker, backend: backend)
        }
    }

    /// A new empty PostgreSQL database (one per test, so tests never see each other's logs): its admin and app URLs.
    static func emptyPostgresDatabase(adminURL: String, appURL: String) async throws -> (admin: String, app: String) {
        try await PostgresLeftovers.removeOnce(adminURL: adminURL)
        let name = Backend.databasePrefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresDatabase.administrator(url: adminURL).executeOutsideTransaction("CREATE DATABASE \(name)")
        return (url(adminURL, database: name), url(appURL, database: name))
    }

    static func url(_ url: String, database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }

    var sqlite: SQLiteDatabase { store.database as! SQLiteDatabase }

    /// Raw SQL as an attacker with the database file would run it, outside the store and its guards' wishes.
    func tamper(_ sql: String, _ arguments: [SQLValue] = []) async throws {
        try await attacker.write { session in try await session.execute(sql, arguments) }
    }

    /// Drops the audit guards the way an attacker with full access could.
    func dropGuards() async throws {
        switch backend {
        case .sqlite:
            for item in SQLiteAuditGuards.triggers { try await tamper("DROP TRIGGER \(item.name)") }
        case .postgresql:
            for table in PostgresAuditGuards.tables { try await tamper("ALTER TABLE \(table) DISABLE TRIGGER USER") }
        }
    }

    func verify(trusted: [Checkpoint] = [], pinned: Bool = true) async throws -> AuditVerification {
        AuditVerifier(pinnedKeys: pinned ? [key.publicKey] : [], trustedCheckpoints: trusted).verify(try await store.auditSnapshot())
    }

    /// A store with users and activity, so the log has entries of many kinds.
    func populate() async throws -> (engineer: User, assessor: User, approver: User, project: Project, version: ModelVersion) {
        let root = AuditActor.hostOperator("root")
        let hasher = PasswordHasher.testing
        let admin = try await store.createUser(name: "ada", role: .admin, passwordHash: try hasher.hash("correct horse"), by: root)
        let adminActor = AuditActor(user: admin, authContext: "session:1", sourceAddress: "127.0.0.1")
        let engineer = try await store.createUser(name: "eve", role: .engineer, passwordHash: try hasher.hash("engineer pass"), by: adminActor)
        let assessor = try await store.createUser(name: "sam", role: .assessor, passwordHash: try hasher.hash("assessor pass"), by: adminActor)
        let approver = try await store.createUser(name: "otto", role: .approver, passwordHash: try hasher.hash("approver pass"), by: adminActor)
        let project = try await store.createProject(name: "Crude Unit 1", by: adminActor)
        let version = try await store.saveModel(ModelDraft(projectID: project.id, modelName: "plant", content: "zonal: 1\n", comment: "first", baseVersionID: nil),
                                                by: AuditActor(user: engineer, authContext: "session:2", sourceAddress: "127.0.0.1"))
        return (engineer, assessor, approver, project, version)
    }
}

extension AuditActor {
    static func of(_ user: User) -> AuditActor { AuditActor(user: user, authContext: "session:test", sourceAddress: "127.0.0.1") }
}

/// Drops the test databases an earlier run left behind, once per test process, before this run creates its own.
enum PostgresLeftovers {
    private static let cleanup = Cleanup()

    static func removeOnce(adminURL: String) async throws {
        try await cleanup.run(adminURL: adminURL)
    }

    private actor Cleanup {
        var task: Task<Void, any Error>?

        func run(adminURL: String) async throws {
            if task == nil {
                task = Task {
                    let admin = try PostgresDatabase.administrator(url: adminURL)
                    let names = try await admin.read { try await $0.query("SELECT datname FROM pg_database WHERE starts_with(datname, ?)", [.text(Backend.databasePrefix)]) }.map { try $0.text("datname") }
                    for name in names { try await admin.executeOutsideTransaction("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
                }
            }
            try await task!.value
        }
    }
}
