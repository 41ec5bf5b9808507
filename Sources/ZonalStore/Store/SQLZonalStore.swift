import Crypto
import Foundation

/// The one implementation of `ZonalStore`, written once in SQL both databases accept; `SQLDatabase` drivers supply
/// the connection, the transaction and the append lock. Business rules (four eyes, optimistic concurrency, the audit
/// append) therefore cannot drift between SQLite and PostgreSQL.
public struct SQLZonalStore: ZonalStore {
    public let database: any SQLDatabase
    let audit: AuditWriter
    let now: @Sendable () -> Date

    /// A store over a migrated database, signing checkpoints with `signingKey`.
    public init(database: any SQLDatabase, signingKey: AuditSigningKey, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.audit = AuditWriter(key: signingKey, now: now)
        self.now = now
    }

    var timestamp: String { Timestamp.format(now()) }

    /// Runs a change and its audit entry in one write transaction; the entry is built from what the change returns.
    func change<T: Sendable>(by actor: AuditActor, _ body: @escaping @Sendable (any SQLSession) async throws -> (T, AuditEvent)) async throws -> T {
        let audit = self.audit
        return try await database.write { session in
            let (value, event) = try await body(session)
            _ = try await audit.append(event, by: actor, in: session)
            return value
        }
    }

    /// SHA-256 (hex) over a record's canonical fields: the audit entry's object hash.
    static func stateHash(_ fields: [String]) -> String {
        Array(SHA256.hash(data: CanonicalEncoding.encode(fields))).hexString
    }

    /// Maps a unique-constraint failure to `.duplicate`, leaving other errors as they are.
    static func translate(_ error: any Error, duplicate what: String) -> any Error {
        let text = String(reflecting: error).lowercased()
        if text.contains("unique") || text.contains("duplicate key") { return StoreError.duplicate(what) }
        return error
    }
}

/// UTC RFC 3339 timestamps with milliseconds, the one text form of time in the store.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }

    public static func parse(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!).parse(text)
    }
}
