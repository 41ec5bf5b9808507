/// A person who signs in. The password is kept only as a KDF hash.
public struct User: Sendable, Equatable, Codable {
    public let id: Int64
    public let name: String
    public var role: Role
    public var passwordHash: String
    public let createdAt: String
    /// Consecutive failed sign-ins since the last success, for lockout.
    public var failedLogins: Int
    /// RFC 3339 time until which sign-in is refused, if locked out.
    public var lockedUntil: String?
    /// RFC 3339 time an admin disabled the account; nil while it is enabled. A disabled user cannot sign in or use tokens.
    public var disabledAt: String?

    public init(id: Int64, name: String, role: Role, passwordHash: String, createdAt: String, failedLogins: Int = 0, lockedUntil: String? = nil, disabledAt: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.disabledAt = disabledAt
    }

    /// True while an admin has the account disabled.
    public var isDisabled: Bool { disabledAt != nil }

    /// The fields an audit entry's object hash covers; the password hash is left out so the log never carries it.
    /// The disabled state joins only when set, so an enabled user's hash is what it was before accounts could be disabled.
    var canonicalState: [String] { ["user", String(id), name, role.rawValue, createdAt] + (disabledAt.map { ["disabled", $0] } ?? []) }
}
