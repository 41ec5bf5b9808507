/// A bearer token for API and CI use. Only the SHA-256 of the secret is stored; the secret is shown once.
public struct APIToken: Sendable, Equatable, Codable {
    public let id: Int64
    public let userID: Int64
    public let name: String
    /// What the token may do: `read`, or `read write`.
    public let scopes: [TokenScope]
    public let secretHash: String
    public let createdAt: String
    public var revokedAt: String?

    public init(id: Int64, userID: Int64, name: String, scopes: [TokenScope], secretHash: String, createdAt: String, revokedAt: String? = nil) {
        self.id = id
        self.userID = userID
        self.name = name
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    var canonicalState: [String] {
        ["api-token", String(id), String(userID), name, scopes.map(\.rawValue).joined(separator: " "), secretHash, createdAt, revokedAt ?? ""]
    }
}

/// A token's permission scope, narrowing what the owner's role allows.
public enum TokenScope: String, Sendable, Codable, CaseIterable {
    case read, write
}

/// A token just created: the record and the secret, which exists nowhere else.
public struct IssuedToken: Sendable {
    public let token: APIToken
    public let secret: String
}
