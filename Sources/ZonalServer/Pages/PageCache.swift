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
    private var table: ChangeCountedTable<Key, ByteBuffer>

    /// `byteLimit` bounds the bytes held; a page larger than `pageLimit` (a huge model's) is rendered anew each time.
    init(byteLimit: Int = 32 * 1024 * 1024, pageLimit: Int = 1024 * 1024) {
        table = ChangeCountedTable(budget: byteLimit) { $0.readableBytes > pageLimit ? Int.max : $0.readableBytes }
    }

    /// The page for `key`, rendered by `render` unless it is kept.
    func page(_ key: Key, render: () async throws -> ByteBuffer) async rethrows -> ByteBuffer {
        if let hit = lock.withLock({ table.value(key, seenAt: key.changes) }) { return hit }
        let page = try await render()
        lock.withLock { table.keep(page, for: key, readAt: key.changes) }
        return page
    }
}
