/// Who performs an operation and how they authenticated, as the audit log records it.
public struct AuditActor: Sendable, Equatable {
    public let name: String
    public let role: String
    public let authContext: String
    public let sourceAddress: String
    /// The user's id when the actor is a user of the store.
    public let userID: Int64?

    public init(name: String, role: String, authContext: String, sourceAddress: String, userID: Int64? = nil) {
        self.name = name
        self.role = role
        self.authContext = authContext
        self.sourceAddress = sourceAddress
        self.userID = userID
    }

    /// A user acting through a session or token.
    public init(user: User, authContext: String, sourceAddress: String) {
        self.init(name: user.name, role: user.role.rawValue, authContext: authContext, sourceAddress: sourceAddress, userID: user.id)
    }

    /// An operator running a `zonal` command on the host (for example bootstrapping the first admin).
    public static func hostOperator(_ name: String) -> AuditActor {
        AuditActor(name: name, role: "host-operator", authContext: "cli", sourceAddress: "local")
    }
}
