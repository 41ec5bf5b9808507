import Hummingbird
import ZonalStore

/// Finds who is calling: a bearer token (API and CI) or a session cookie (browsers). Unknown credentials leave the
/// request anonymous; the route's policy then decides. Known credentials come from the access cache while the store's
/// access epoch (read once per request, with the change count the project data caches check) is unchanged.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ZonalRequestContext
    static let cookieName = "zonal_session"

    let store: any ZonalStore
    let access: AccessCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let store = self.store
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let secret = String(header.dropFirst("Bearer ".count))
            let epoch = try await epochs(&context)
            if let found = try await access.bearer(secretHash: TokenSecret.hash(secret), epoch: epoch, store: store, load: {
                try await store.bearer(secret: secret).map { SignedIn(credential: $0.token, user: $0.user) }
            }) {
                context.identity = Identity(user: found.user, authContext: "token:\(found.credential.id)", csrfToken: nil, scopes: Set(found.credential.scopes))
            }
        } else if let id = request.cookies[Self.cookieName]?.value {
            let epoch = try await epochs(&context)
            let idHash = SessionStore.idHash(id)
            if let found = try await access.session(idHash: idHash, epoch: epoch, store: store, load: { try await store.session(idHash: idHash) }) {
                context.identity = Identity(user: found.user, authContext: SessionStore.auditContext(id), csrfToken: found.credential.csrfToken, scopes: Set(TokenScope.allCases))
            }
        }
        return try await next(request, context)
    }

    /// Reads both counters in one statement and keeps them in the context; returns the access epoch.
    private func epochs(_ context: inout Context) async throws -> Int64 {
        let epochs = try await store.epochs()
        context.accessEpoch = epochs.access
        context.changes = epochs.changes
        return epochs.access
    }
}
