import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// PostgreSQL for teams, through postgres-nio's connection pool. The application connects as a role that may only
/// insert into and read the audit tables; migrations run through a separate administrator connection.
public final class PostgresDatabase: SQLDatabase {
    public let kind = "postgresql"
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger
    let userName: String

    /// The advisory lock key that serializes audit appends (any constant shared by every Zonal process on the database).
    static let appendLock: Int64 = 62443_0001
    static let migrationLock: Int64 = 62443_0002

    private init(configuration: PostgresClient.Configuration) {
        client = PostgresClient(configuration: configuration)
        let client = self.client
        runner = Task { await client.run() }
        var logger = Logger(label: "zonal.postgres")
        logger.logLevel = .error
        self.logger = logger
        userName = configuration.username
    }

    /// Connects as the application; when `adminURL` is given, first applies pending migrations through it, granting the
    /// application role what it needs. Fails when the schema is not at the latest migration.
    public static func open(url: String, adminURL: String? = nil) async throws(StoreError) -> PostgresDatabase {
        let configuration = try PostgresURL.configuration(url)
        if let adminURL {
            let admin = PostgresDatabase(configuration: try PostgresURL.configuration(adminURL))
            defer { admin.shutDown() }
            do {
                try await admin.migrate(appRole: configuration.username)
            } catch {
                throw .unavailable("migrating \(PostgresURL.redacted(adminURL)) failed: \(String(reflecting: error))")
            }
        }
        let database = PostgresDatabase(configuration: configuration)
        let applied: [String]
        do {
            applied = try await database.appliedMigrations()
        } catch {
            database.shutDown()
            throw .unavailable("cannot reach \(PostgresURL.redacted(url)): \(String(reflecting: error)); is PostgreSQL running and does the role exist?")
        }
        let expected = PostgresMigrations.all(appRole: "", logID: "").map(\.id)
        guard applied == expected else {
            database.shutDown()
            throw .unavailable("the schema of \(PostgresURL.redacted(url)) is at \(applied.last ?? "nothing"), needs \(expected.last!): run once with --database-admin URL (a role that may create tables and roles)")
        }
        return database
    }

    /// Applies pending migrations in order, stopping after `last` when given (tests build older schemas with it).
    func migrate(appRole: String, upTo last: String? = nil) async throws {
        try await client.withConnection { connection in
            let logger = self.logger
            try await connection.query("CREATE TABLE IF NOT EXISTS zonal_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                var applied: Set<String> = []
                for try await id in try await connection.query("SELECT id FROM zonal_migrations", logger: logger).decode(String.self) { applied.insert(id) }
                for migration in PostgresMigrations.all(appRole: appRole, logID: StoreIdentity.newLogID()) where !applied.contains(migration.id) {
                    if let last, migration.id > last { break }
                    for statement in migration.statements where !statement.isEmpty {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO zonal_migrations (id) VALUES (\(migration.id))", logger: logger)
                }
                try await connection.query("GRANT SELECT ON zonal_migrations TO \(unescaped: PostgresMigrations.quoted(appRole))", logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await transaction(begin: ["BEGIN", "SELECT pg_advisory_xact_lock(\(Self.appendLock))"], body)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await transaction(begin: ["BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"], body)
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        let logger = self.logger
        return try await client.withConnection { connection in try await PostgresSession(connection: connection, logger: logger).query(sql, arguments) }
    }

    private func transaction<T: Sendable>(begin: [String], _ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            let session = PostgresSession(connection: connection, logger: logger)
            for statement in begin { try await session.execute(statement, []) }
            do {
                let value = try await body(session)
                try await session.execute("COMMIT", [])
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func auditGuards() async throws -> [AuditGuard] {
        try await read { session in
            let enabled = Set(try await session.query("""
                SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relname IN ('audit_entries', 'audit_checkpoints', 'audit_keys')
                """).map { try $0.text("name") })
            var guards = PostgresAuditGuards.triggers.map { AuditGuard(name: "trigger \($0.name)", present: enabled.contains($0.name)) }
            for table in PostgresAuditGuards.tables {
                let row = try await session.queryOne("""
                    SELECT tableowner <> current_user AS not_owner,
                        NOT has_table_privilege(current_user, '\(table)', 'UPDATE') AND NOT has_table_privilege(current_user, '\(table)', 'DELETE')
                        AND NOT has_table_privilege(current_user, '\(table)', 'TRUNCATE') AS insert_only
                    FROM pg_tables WHERE tablename = '\(table)'
                    """)
                guards.append(AuditGuard(name: "\(table) owned by another role than \(self.userName)", present: row?["not_owner"] == .integer(1)))
                guards.append(AuditGuard(name: "\(self.userName) may not update, delete or truncate \(table)", present: row?["insert_only"] == .integer(1)))
            }
            return guards
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await read { try await $0.query("SELECT id FROM zonal_migrations ORDER BY id").map { try $0.text("id") } }
    }

    public func close() async throws {
        shutDown()
    }

    func shutDown() {
        runner.cancel()
    }

    deinit {
        runner.cancel()
    }

    /// One statement outside any transaction (CREATE DATABASE cannot run inside one).
    func executeOutsideTransaction(_ sql: String) async throws {
        let logger = self.logger
        try await client.withConnection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// A connection for administration, without the schema check of `open` (used before the database exists).
    static func administrator(url: String) throws(StoreError) -> PostgresDatabase {
        PostgresDatabase(configuration: try PostgresURL.configuration(url))
    }
}

/// Statements on one leased connection, `?` placeholders rewritten to `$n`.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        try await connection.query(Self.query(sql, arguments), logger: logger)
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        for try await row in try await connection.query(Self.query(sql, arguments), logger: logger) {
            var values: [String: SQLValue] = [:]
            for cell in row {
                values[cell.columnName] = try SQLValue(cell)
            }
            rows.append(SQLRow(values))
        }
        return rows
    }

    /// Numbers the `?` placeholders; Zonal's statements never contain `?` inside literals.
    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var text = ""
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case let .integer(value): bindings.append(value)
            case let .text(value): bindings.append(value)
            case let .blob(bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }
}

extension SQLValue {
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea: self = .blob(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        default: self = .text(try cell.decode(String.self))
        }
    }
}

/// postgres://user:password@host:port/database URLs, with libpq's `sslmode` and `sslrootcert` query parameters.
enum PostgresURL {
    static func configuration(_ url: String) throws(StoreError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, let user = components.user, !user.isEmpty
        else { throw .invalidInput("'\(redacted(url))' is not a postgres://user:password@host:port/database URL") }
        let database = String(components.path.drop { $0 == "/" })
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let tls = try tls(mode: query["sslmode"] ?? "prefer", rootCertificate: query["sslrootcert"], url: url)
        return PostgresClient.Configuration(host: host, port: components.port ?? 5432, username: user, password: components.password,
                                            database: database.isEmpty ? user : database, tls: tls)
    }

    /// libpq's modes: `disable`, `prefer` (the default; encrypts when the server offers TLS, verifies nothing),
    /// `require` (encrypts; verifies the chain only when `sslrootcert` names a CA file), `verify-ca` (chain) and
    /// `verify-full` (chain and host name or IP address). The CA file defaults to the system's trust store.
    static func tls(mode: String, rootCertificate: String?, url: String) throws(StoreError) -> PostgresClient.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate {
            guard FileManager.default.isReadableFile(atPath: rootCertificate) else {
                throw .invalidInput("sslrootcert=\(rootCertificate) in \(redacted(url)) is not a readable file: give the PEM file of the CA that signed the server's certificate")
            }
            configuration.trustRoots = .file(rootCertificate)
        }
        switch mode {
        case "disable": return .disable
        case "prefer":
            configuration.certificateVerification = .none
            return .prefer(configuration)
        case "require":
            configuration.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
            return .require(configuration)
        case "verify-ca":
            configuration.certificateVerification = .noHostnameVerification
            return .require(configuration)
        case "verify-full":
            configuration.certificateVerification = .fullVerification
            return .require(configuration)
        default:
            throw .invalidInput("sslmode=\(mode) in \(redacted(url)) is not one of disable, prefer, require, verify-ca, verify-full")
        }
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparseable URL)"
    }
}
