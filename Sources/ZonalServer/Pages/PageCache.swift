import Foundation
import NIOCore
import ZonalStore

/// Rendered model pages, each kept for the exact inputs it was rendered from: the version, the store's change count of
/// the snapshot it shows, the table order, and everything of the caller the page shows or embeds (name, role, CSRF
/// token). A page is served again only to a request with all of these equal, after that request passed authentication
/// and the route's access policy like any other; a newer change count empties the cache. Kept as the response buffer,
/// so a repeated view neither renders nor copies its tens of kilobytes.
final class PageCache: @unchecked Sendable {
    struct Key: Hashable {
        let versionID: Int64
        let changes: Int64
        let order: String
        let userID: Int64
        let userName: String
        let role: Role
        let csrfToken: String?

        init(version: ModelVersion, snapshot: VersionSnapshot, order: SortableTable.Order?, identity: Identity) {
            versionID = version.id
            changes = snapshot.changes
            self.order = order.map { "\($0.table).\($0.column).\($0.ascending)" } ?? ""
            userID = identity.user.id
            userName = identity.user.name
            role = identity.user.role
            csrfToken = identity.csrfToken
        }
    }

    private let lock = NSLock()
    private var changes: Int64 = .min
    private var pages: [Key: ByteBuffer] = [:]
    private var bytes = 0
    /// Bounds on memory, not policies: the bytes held, and the largest page kept (a huge model's page is rendered anew).
    let byteLimit: Int
    let pageLimit: Int

    init(byteLimit: Int = 32 * 1024 * 1024, pageLimit: Int = 1024 * 1024) {
        self.byteLimit = byteLimit
        self.pageLimit = pageLimit
    }

    /// The page for `key`, rendered by `render` unless it is kept.
    func page(_ key: Key, render: () async throws -> ByteBuffer) async rethrows -> ByteBuffer {
        if let hit = lock.withLock({ () -> ByteBuffer? in
            advance(to: key.changes)
            return pages[key]
        }) { return hit }
        let page = try await render()
        lock.withLock {
            advance(to: key.changes)
            let size = page.readableBytes
            guard key.changes == changes, size <= pageLimit else { return }
            if bytes + size > byteLimit {
                pages = [:]
                bytes = 0
            }
            if pages.updateValue(page, forKey: key) == nil { bytes += size }
        }
        return page
    }

    /// Drops everything when a newer change count is seen (the lock is held).
    private func advance(to newer: Int64) {
        guard newer > changes else { return }
        changes = newer
        pages = [:]
        bytes = 0
    }
}
