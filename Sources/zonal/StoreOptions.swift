import ArgumentParser
import Foundation
import ZonalStore

/// `--database` and `--audit-key`, shared by the commands that open the team store, and the one place that turns store
/// and key errors into messages and exit codes.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store: a SQLite file (created if missing), or a postgres:// URL; TLS as in libpq: ?sslmode=verify-full&sslrootcert=CA.pem (modes disable, prefer (default), require, verify-ca, verify-full).", valueName: "database"))
    var database = "zonal.sqlite"

    @Option(name: .customLong("database-admin"), help: ArgumentHelp("PostgreSQL only: a URL of a role that may create tables and roles; pending migrations run through it at start.", valueName: "url"))
    var databaseAdmin: String?

    @Option(name: .customLong("audit-key"), help: ArgumentHelp("The Ed25519 key file that signs audit checkpoints (mode 0600; default: zonal-audit.key beside a SQLite file). ZONAL_AUDIT_KEY overrides it.", valueName: "file"))
    var auditKey: String?

    var isPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }

    var keyPath: String {
        if let auditKey { return auditKey }
        if isPostgres { return "zonal-audit.key" }
        let directory = URL(fileURLWithPath: database).deletingLastPathComponent()
        return directory.appendingPathComponent("zonal-audit.key").path
    }

    /// Opens the database; `mustExist` refuses to create a new SQLite file (for commands that only read).
    func open(mustExist: Bool) async throws -> any SQLDatabase {
        do {
            if isPostgres { return try await PostgresDatabase.open(url: database, adminURL: databaseAdmin) }
            if !FileManager.default.fileExists(atPath: database), mustExist {
                Diagnostics.error("no database at \(database); give --database PATH")
                throw ExitStatus.invalidInput
            }
            return try SQLiteDatabase(path: database)
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw ExitStatus.fileError
        }
    }

    /// The signing key, created (0600) when `create` and missing.
    func signingKey(create: Bool) throws -> AuditSigningKey {
        do {
            return try AuditSigningKey.load(file: keyPath, createIfMissing: create)
        } catch {
            Diagnostics.error(error.description)
            throw ExitStatus.fileError
        }
    }

    /// The signing key if one is available, without creating one.
    func existingSigningKey() -> AuditSigningKey? {
        try? AuditSigningKey.load(file: keyPath, createIfMissing: false)
    }

    /// A store ready for writes.
    func openStore() async throws -> SQLZonalStore {
        let key = try signingKey(create: true)
        return SQLZonalStore(database: try await open(mustExist: false), signingKey: key)
    }
}

/// Who runs a command on the host, for the audit log.
enum HostOperator {
    static var actor: AuditActor {
        let name = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "host"
        return .hostOperator(name)
    }
}

extension Role: ExpressibleByArgument {}
