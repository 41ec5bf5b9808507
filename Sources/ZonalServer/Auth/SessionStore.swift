import Crypto
import Foundation
import ZonalStore

/// Server-side sessions: the cookie carries only a random id; the audit log gets a hash of it. Kept in memory, so a
/// restart signs everyone out (the safe direction).
public actor SessionStore {
    struct Session {
        let userID: Int64
        let csrfToken: String
        var expires: Date
    }

    private var sessions: [String: Session] = [:]
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 8 * 3600) {
        self.lifetime = lifetime
    }

    /// Starts a session and returns its id (for the cookie) and CSRF token (for forms).
    func start(userID: Int64) -> (id: String, csrfToken: String) {
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        sessions[id] = Session(userID: userID, csrfToken: csrf, expires: Date().addingTimeInterval(lifetime))
        return (id, csrf)
    }

    func session(_ id: String) -> Session? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > Date() else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    func end(_ id: String) {
        sessions[id] = nil
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
