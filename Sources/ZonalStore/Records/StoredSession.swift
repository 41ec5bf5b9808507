import Foundation

/// A browser session as kept in the store: only the SHA-256 of the cookie's id, so a copy of the database signs no one in.
public struct StoredSession: Sendable, Equatable {
    /// SHA-256 (hex) of the session id the cookie carries.
    public let idHash: String
    public let userID: Int64
    /// The token every form of this session must send back.
    public let csrfToken: String
    public let createdAt: String
    public let expiresAt: String

    public init(idHash: String, userID: Int64, csrfToken: String, createdAt: String, expiresAt: String) {
        self.idHash = idHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A credential (session or bearer token) together with the user it signs in, read in one snapshot.
public struct SignedIn<Credential: Sendable>: Sendable {
    public let credential: Credential
    public let user: User

    public init(credential: Credential, user: User) {
        self.credential = credential
        self.user = user
    }
}

extension StoredSession {
    /// True once the session's lifetime has run out at `date`.
    public func isExpired(at date: Date) -> Bool {
        guard let expires = Timestamp.parse(expiresAt) else { return true }
        return date >= expires
    }
}
