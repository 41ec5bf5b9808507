import Foundation
import ZonalStore

/// The history, evidence and approval around a version, kept while the store's change count stands still. Every write
/// of any kind moves that count in its own transaction (it is the audit log's size), and each request reads the count
/// before it looks here, so a write from this or any other process shows on the next request.
final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: ChangeCountedTable<Int64, VersionSnapshot>

    /// `rowLimit` bounds the history and evidence rows held: each version's snapshot carries its model's whole history.
    init(rowLimit: Int = 100_000) {
        table = ChangeCountedTable(budget: rowLimit) { 1 + $0.history.count + $0.evidence.count }
    }

    /// A snapshot at least as new as `changes` (the count this request read), else a fresh one from the store.
    func snapshot(of version: ModelVersion, changes: Int64?, store: any ZonalStore) async throws -> VersionSnapshot {
        if let changes, let hit = lock.withLock({ table.value(version.id, seenAt: changes) }) { return hit }
        let loaded = try await store.snapshot(of: version)
        lock.withLock { table.keep(loaded, for: version.id, readAt: loaded.changes) }
        return loaded
    }
}
