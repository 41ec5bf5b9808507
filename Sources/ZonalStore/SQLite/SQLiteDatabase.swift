import Foundation
import GRDB

/// The embedded default: one SQLite file through GRDB, migrated at open.
public final class SQLiteDatabase: SQLDatabase {
    public let kind = "sqlite"
    public let path: String
    let queue: DatabaseQueue
    let lock = AsyncLock()

    /// Opens (creating if needed) and migrates the database file.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // Transactions here span several awaits under `lock`, so GRDB must allow one to stay open between accesses.
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try SQLiteMigrations.migrator.migrate(queue)
        } catch {
            throw .unavailable("cannot open SQLite database \(path): \(error)")
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN IMMEDIATE", body)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN DEFERRED", body)
    }

    private func transaction<T: Sendable>(_ begin: String, _ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        let queue = self.queue
        return try await lock.withLock {
            try await queue.writeWithoutTransaction { db in
                if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
                try db.execute(sql: begin)
            }
            do {
                let value = try await body(SQLiteSession(queue: queue))
                try await queue.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                return value
            } catch {
                Self.rollBack(queue)
                throw error
            }
        }
    }

    /// Synchronous on purpose: a cancelled task must still roll back, and GRDB's async access would refuse to start.
    private static func rollBack(_ queue: DatabaseQueue) {
        try? queue.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
    }

    public func auditGuards() async throws -> [AuditGuard] {
        let queue = self.queue
        return try await lock.withLock {
            try await queue.writeWithoutTransaction { db in
                let names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                let recursive = try Int.fetchOne(db, sql: "PRAGMA recursive_triggers") == 1
                return SQLiteAuditGuards.triggers.map { AuditGuard(name: "trigger \($0.name)", present: names.contains($0.name)) }
                    + [AuditGuard(name: "PRAGMA recursive_triggers", present: recursive)]
            }
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await queue.read { db in try SQLiteMigrations.migrator.appliedIdentifiers(db) }.sorted()
    }

    public func close() async throws {
        try queue.close()
    }
}

/// Statements on the SQLite connection; only ever used under the driver's lock.
struct SQLiteSession: SQLSession {
    let queue: DatabaseQueue

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
        }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        try await queue.writeWithoutTransaction { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue))).map { row in
                var values: [String: SQLValue] = [:]
                for (column, value) in row {
                    values[column] = SQLValue(value)
                }
                return SQLRow(values)
            }
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case let .integer(value): value.databaseValue
        case let .text(value): value.databaseValue
        case let .blob(bytes): Data(bytes).databaseValue
        case .null: .null
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .text(String(number))
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(Array(data))
        }
    }
}
