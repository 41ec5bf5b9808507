import Hummingbird
import ZonalStore

/// Finds who is calling: a bearer token (API and CI) or a session cookie (browsers). Unknown credentials leave the
/// request anonymous; the route's policy then decides.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ZonalRequestContext
    static let cookieName = "zonal_session"

    let store: any ZonalStore
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let secret = String(header.dropFirst("Bearer ".count))
            if let (token, user) = try await store.bearer(secret: secret) {
                context.identity = Identity(user: user, authContext: "token:\(token.id)", csrfToken: nil, scopes: Set(token.scopes))
            }
        } else if let id = request.cookies[Self.cookieName]?.value, let session = await sessions.session(id), let user = try await store.user(id: session.userID) {
            context.identity = Identity(user: user, authContext: SessionStore.auditContext(id), csrfToken: session.csrfToken, scopes: Set(TokenScope.allCases))
        }
        return try await next(request, context)
    }
}
