/// One SQL connection inside a transaction or read. Statements use `?` placeholders; a driver rewrites them if its
/// database spells parameters differently.
public protocol SQLSession: Sendable {
    func execute(_ sql: String, _ arguments: [SQLValue]) async throws
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]
}

extension SQLSession {
    func execute(_ sql: String) async throws { try await execute(sql, []) }
    func query(_ sql: String) async throws -> [SQLRow] { try await query(sql, []) }

    func queryOne(_ sql: String, _ arguments: [SQLValue] = []) async throws -> SQLRow? {
        try await query(sql, arguments).first
    }
}

/// A database driver under `SQLZonalStore`: it runs migrations, serializes write transactions (the audit log needs one
/// writer at a time) and reports whether the audit table's guards are in place. The business rules live once, above it.
public protocol SQLDatabase: Sendable {
    /// A short name for messages: `sqlite` or `postgresql`.
    var kind: String { get }

    /// Runs `body` in a write transaction that holds the audit append lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
    /// transaction-scoped advisory lock). Commits when `body` returns, rolls back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T

    /// Runs `body` on a consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T

    /// One statement on a snapshot of its own: what most reads are. PostgreSQL saves the BEGIN and COMMIT round trips.
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]

    /// The audit guards this database should have, each with whether it is present.
    func auditGuards() async throws -> [AuditGuard]

    /// The applied schema migrations, in order.
    func appliedMigrations() async throws -> [String]

    func close() async throws
}

extension SQLDatabase {
    public func query(_ sql: String, _ arguments: [SQLValue] = []) async throws -> [SQLRow] {
        try await read { try await $0.query(sql, arguments) }
    }
}

/// A database guard on the audit tables and whether it is installed.
public struct AuditGuard: Sendable, Equatable {
    public let name: String
    public let present: Bool
}
