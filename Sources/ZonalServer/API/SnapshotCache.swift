import Foundation
import ZonalStore

/// The history, evidence and approval around a version, kept while the store's change count stands still. Every write
/// of any kind moves that count in its own transaction (it is the audit log's size), and each request reads the count
/// before it looks here, so a write from this or any other process shows on the next request.
final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    /// The change count every entry was read at.
    private var changes: Int64 = .min
    private var snapshots: [Int64: VersionSnapshot] = [:]
    /// Entries; beyond it the table starts again empty (a bound on memory, not a policy).
    let capacity: Int

    init(capacity: Int = 1_000) {
        self.capacity = capacity
    }

    /// A snapshot at least as new as `changes` (the count this request read), else a fresh one from the store.
    func snapshot(of version: ModelVersion, changes: Int64?, store: any ZonalStore) async throws -> VersionSnapshot {
        if let changes, let hit = lock.withLock({ () -> VersionSnapshot? in
            advance(to: changes)
            return snapshots[version.id]
        }) { return hit }
        let loaded = try await store.snapshot(of: version)
        lock.withLock {
            advance(to: loaded.changes)
            guard self.changes == loaded.changes else { return }
            if snapshots.count >= capacity { snapshots = [:] }
            snapshots[version.id] = loaded
        }
        return loaded
    }

    /// Drops everything when a newer count is seen (the lock is held); what is kept is never older than `changes`.
    private func advance(to newer: Int64) {
        guard newer > changes else { return }
        changes = newer
        snapshots = [:]
    }
}
