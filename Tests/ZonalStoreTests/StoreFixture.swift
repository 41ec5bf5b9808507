import Crypto
import Foundation
import Testing
@testable import ZonalStore

/// The databases the contract suite runs against. PostgreSQL joins when ZONAL_TEST_POSTGRES_URL is set (CI sets it,
/// and sets CI=true so an unreachable server fails the run instead of skipping it).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite

    var testDescription: String { rawValue }

    static var available: [Backend] { [.sqlite] }
}

/// A fresh store in a temporary directory with a fresh signing key.
struct StoreFixture: Sendable {
    let store: SQLZonalStore
    let key: AuditSigningKey
    let directory: URL

    static func make(_ backend: Backend = .sqlite) async throws -> StoreFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey())
        switch backend {
        case .sqlite:
            let database = try SQLiteDatabase(path: directory.appendingPathComponent("zonal.sqlite").path)
            return StoreFixture(store: SQLZonalStore(database: database, signingKey: key), key: key, directory: directory)
        }
    }

    var sqlite: SQLiteDatabase { store.database as! SQLiteDatabase }

    /// Raw SQL as an attacker with the database file would run it, outside the store and its guards' wishes.
    func tamper(_ sql: String, _ arguments: [SQLValue] = []) async throws {
        try await store.database.write { session in try await session.execute(sql, arguments) }
    }

    /// Drops the audit guards the way an attacker with the file could.
    func dropGuards() async throws {
        for item in SQLiteAuditGuards.triggers {
            try await tamper("DROP TRIGGER \(item.name)")
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
