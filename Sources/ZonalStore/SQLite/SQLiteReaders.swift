import Foundation
import GRDB

/// Read-only connections to the SQLite file, lent out one per read transaction. In WAL mode each sees the snapshot of
/// its first read while the writer carries on, so reads run side by side and never wait for a write.
///
/// Hand-rolled rather than GRDB's `DatabasePool` because a Zonal read transaction spans several `await`s (the store's
/// code is shared with PostgreSQL), and `DatabasePool` only keeps a snapshot open for one synchronous closure.
final class SQLiteReaders: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [DatabaseQueue]
    private var waiters: [CheckedContinuation<DatabaseQueue, Never>] = []

    init(path: String, count: Int, configuration base: Configuration) throws {
        var configuration = base
        configuration.readonly = true
        idle = try (0 ..< count).map { _ in try DatabaseQueue(path: path, configuration: configuration) }
    }

    /// Runs `body` with a connection of its own, returning it afterwards (also when `body` throws).
    func withConnection<T>(_ body: (DatabaseQueue) async throws -> T) async rethrows -> T {
        let connection = await borrow()
        defer { giveBack(connection) }
        return try await body(connection)
    }

    private func borrow() async -> DatabaseQueue {
        if let connection = lock.withLock({ idle.popLast() }) { return connection }
        return await withCheckedContinuation { continuation in
            let ready: DatabaseQueue? = lock.withLock {
                if let connection = idle.popLast() { return connection }
                waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func giveBack(_ connection: DatabaseQueue) {
        let waiter: CheckedContinuation<DatabaseQueue, Never>? = lock.withLock {
            if waiters.isEmpty {
                idle.append(connection)
                return nil
            }
            return waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }

    func close() throws {
        let connections = lock.withLock {
            defer { idle = [] }
            return idle
        }
        for connection in connections { try connection.close() }
    }
}
