import Foundation
import ZonalStore

/// Who is calling and which projects they belong to, remembered between requests only while the store's access epoch
/// stands still. Any change that can take access away (role, password, disabling, token revocation, membership, sign-out) bumps
/// the epoch in its own transaction, whichever process made it, so the next request sees a new epoch and drops
/// everything here before trusting it: a revoked token stops working at once.
final class AccessCache: @unchecked Sendable {
    struct MembershipKey: Hashable {
        let userID: Int64
        let projectID: Int64
    }

    private let lock = NSLock()
    private var epoch: Int64 = .min
    private var bearers: [String: SignedIn<APIToken>] = [:]
    private var sessions: [String: SignedIn<StoredSession>] = [:]
    private var memberships: [MembershipKey: Bool] = [:]
    /// Entries per table; beyond it the table starts again empty (a bound on memory, not a policy).
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func bearer(secretHash: String, epoch: Int64, store: any ZonalStore, load: () async throws -> SignedIn<APIToken>?) async throws -> SignedIn<APIToken>? {
        try await cached(\.bearers, secretHash, epoch: epoch, store: store, load: load)
    }

    func session(idHash: String, epoch: Int64, store: any ZonalStore, load: () async throws -> SignedIn<StoredSession>?) async throws -> SignedIn<StoredSession>? {
        guard let found = try await cached(\.sessions, idHash, epoch: epoch, store: store, load: load) else { return nil }
        // Expiry needs no epoch change: it is checked on every use.
        return found.credential.isExpired(at: Date()) ? nil : found
    }

    func isMember(userID: Int64, projectID: Int64, epoch: Int64, store: any ZonalStore) async throws -> Bool {
        try await cached(\.memberships, MembershipKey(userID: userID, projectID: projectID), epoch: epoch, store: store) {
            try await store.isMember(userID: userID, projectID: projectID)
        } ?? false
    }

    /// The entry cached at `epoch`, else `load`ed. A loaded value is kept only when the epoch is still `epoch` after
    /// the load: then no access change committed before or during it, so it cannot be older than what the cache holds.
    private func cached<Key: Hashable, Value>(_ table: ReferenceWritableKeyPath<AccessCache, [Key: Value]>, _ key: Key, epoch: Int64, store: any ZonalStore,
                                               load: () async throws -> Value?) async throws -> Value? {
        if let hit = lock.withLock({ () -> Value? in
            advance(to: epoch)
            return self.epoch == epoch ? self[keyPath: table][key] : nil
        }) { return hit }
        guard let loaded = try await load() else { return nil }
        if try await store.accessEpoch() == epoch {
            lock.withLock {
                advance(to: epoch)
                guard self.epoch == epoch else { return }
                if self[keyPath: table].count >= capacity { self[keyPath: table] = [:] }
                self[keyPath: table][key] = loaded
            }
        }
        return loaded
    }

    /// Drops everything when a newer epoch is seen (the lock is held).
    private func advance(to newer: Int64) {
        guard newer > epoch else { return }
        epoch = newer
        bearers = [:]
        sessions = [:]
        memberships = [:]
    }
}
