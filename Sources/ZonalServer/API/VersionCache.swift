import Foundation
import ZonalStore

/// Model versions by id. A version never changes once saved (the database refuses updates and deletes), so a cached
/// one is always right; the cache is bounded by the bytes of model text it holds.
final class VersionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [Int64: ModelVersion] = [:]
    private var bytes = 0
    let byteLimit: Int

    init(byteLimit: Int = 64 * 1024 * 1024) {
        self.byteLimit = byteLimit
    }

    func version(id: Int64, store: any ZonalStore) async throws -> ModelVersion? {
        if let hit = lock.withLock({ versions[id] }) { return hit }
        guard let version = try await store.modelVersion(id: id) else { return nil }
        lock.withLock {
            let size = version.content.utf8.count
            guard size <= byteLimit else { return }
            if bytes + size > byteLimit {
                versions = [:]
                bytes = 0
            }
            if versions.updateValue(version, forKey: id) == nil { bytes += size }
        }
        return version
    }
}
