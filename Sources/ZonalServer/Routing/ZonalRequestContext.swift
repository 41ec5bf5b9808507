import Hummingbird
import NIOCore
import ZonalStore

/// The per-request context: who is asking (once authenticated) and from where.
public struct ZonalRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` from a session cookie or a bearer token.
    public var identity: Identity?
    /// The store's access epoch read for this request (when it carried credentials); caches are checked against it.
    public var accessEpoch: Int64?
    /// The store's change count read with it; caches of project data are checked against it.
    public var changes: Int64?
    public let sourceAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sourceAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Request bodies above this are refused with 413: a model may be up to 8 MiB, and nothing else comes close.
    public var maxUploadSize: Int { SQLZonalStore.maximumModelBytes + 64 * 1024 }

    /// The audit actor for this request (anonymous before sign-in).
    var actor: AuditActor {
        guard let identity else { return AuditActor(name: "anonymous", role: "none", authContext: "none", sourceAddress: sourceAddress) }
        return AuditActor(user: identity.user, authContext: identity.authContext, sourceAddress: sourceAddress)
    }
}

/// An authenticated caller.
public struct Identity: Sendable {
    public let user: User
    /// `session:<hash>` or `token:<id>`: what the audit log records, never the secret itself.
    public let authContext: String
    /// The CSRF token of the session (nil for bearer tokens, which are not sent automatically by browsers).
    public let csrfToken: String?
    /// For bearer tokens: what the token permits; sessions carry every scope of the role.
    public let scopes: Set<TokenScope>
}
