import Crypto
import Foundation
import ZonalStore

/// Server-side sessions: the cookie carries only a random id; the store keeps its SHA-256 (so a copy of the database
/// signs no one in), the CSRF token and the expiry, so a restart signs no one out. The audit log gets a short hash.
public struct SessionStore: Sendable {
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 8 * 3600) {
        self.lifetime = lifetime
    }

    /// A new session for `userID`: the cookie's id and the record to store.
    func new(userID: Int64, now: Date = Date()) -> (id: String, stored: StoredSession) {
        let id = Self.randomToken()
        let stored = StoredSession(idHash: Self.idHash(id), userID: userID, csrfToken: Self.randomToken(),
                                   createdAt: Timestamp.format(now), expiresAt: Timestamp.format(now.addingTimeInterval(lifetime)))
        return (id, stored)
    }

    /// What the store keeps of a session id.
    static func idHash(_ id: String) -> String {
        Array(SHA256.hash(data: Array(id.utf8))).hexString
    }

    /// The audit form of a session id.
    static func auditContext(_ id: String) -> String {
        "session:" + Array(SHA256.hash(data: Array(id.utf8)).prefix(8)).hexString
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0 ..< 32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
    }
}
