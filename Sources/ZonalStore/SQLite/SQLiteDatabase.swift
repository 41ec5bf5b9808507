import Foundation
import GRDB

/// The embedded default: one SQLite file through GRDB, migrated at open. In WAL mode: one writer connection for the
/// serialized write transactions, and read-only connections for reads that run alongside them.
public final class SQLiteDatabase: SQLDatabase {
    public let kind = "sqlite"
    public let path: String
    let queue: DatabaseQueue
    let readers: SQLiteReaders
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
            readers = try SQLiteReaders(path: path, count: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount), configuration: configuration)
        } catch {
            throw .unavailable("cannot open SQLite database \(path): \(error)")
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN IMMEDIATE", body)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        try await readers.withConnection { connection in
            // Reads block their thread for the statement itself: these are indexed lookups on a connection nobody else
            // holds, cheaper than two thread hops through GRDB's async access.
            try connection.inDatabase { db in try db.execute(sql: "BEGIN DEFERRED") }
            do {
                let value = try await body(SQLiteSession(queue: connection, blocking: true))
                try connection.inDatabase { db in try db.execute(sql: "COMMIT") }
                return value
            } catch {
                Self.rollBack(connection)
                throw error
            }
        }
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        try await readers.withConnection { connection in try await SQLiteSession(queue: connection, blocking: true).query(sql, arguments) }
    }

    private func transaction<T: Sendable>(_ begin: String, _ body: @Sendable (any SQLSession) async throws -> T) async throws -> T {
        let queue = self.queue
        return try await lock.withLock {
            try await queue.writeWithoutTransaction { db in
                if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
                try db.execute(sql: begin)
            }
            do {
                let value = try await body(SQLiteSession(queue: queue, blocking: false))
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
        try readers.close()
        try queue.close()
    }
}

/// Statements on one SQLite connection that this transaction holds alone (the writer under the driver's lock, or a
/// lent reader). The writer goes through GRDB's async access, because a commit waits for the disk; readers block.
struct SQLiteSession: SQLSession {
    let queue: DatabaseQueue
    let blocking: Bool

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        let arguments = Self.arguments(arguments)
        if blocking {
            try queue.inDatabase { db in try db.execute(sql: sql, arguments: arguments) }
        } else {
            try await queue.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: arguments) }
        }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        let arguments = Self.arguments(arguments)
        if blocking {
            return try queue.inDatabase { db in try Self.rows(db, sql, arguments) }
        }
        return try await queue.writeWithoutTransaction { db in try Self.rows(db, sql, arguments) }
    }

    /// Through GRDB's initializer for optional existentials: its generic one maps with a key path that is built anew on
    /// every statement (5 % of a page view's time).
    private static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { $0.databaseValue as (any DatabaseValueConvertible)? })
    }

    private static func rows(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [SQLRow] {
        // Cached: the store's statements are constants, so each is compiled once per connection.
        try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments).map { row in
            var values: [String: SQLValue] = [:]
            for (column, value) in row {
                values[column] = SQLValue(value)
            }
            return SQLRow(values)
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
