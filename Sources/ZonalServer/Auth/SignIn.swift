import Foundation
import Hummingbird
import ZonalStore

/// The sign-in form's handler: throttle per address, lockout per account, the same answer for every failure, and an
/// audit entry for each attempt.
enum SignIn {
    /// A real hash for unknown names, so their replies take as long as known ones (no account probing by timing).
    static let decoyHash = (try? PasswordHasher.interactive.hash("decoy password never used")) ?? ""

    static func handle(_ input: EndpointInput) async throws -> Response {
        let form = input.form
        // Login CSRF: the form's token must match the cookie set with the form (double submit).
        guard let token = form["csrf"], token == input.request.cookies[PageRoutes.loginCSRFCookie]?.value else { throw APIError.csrf }
        guard await input.server.throttle.allow(input.context.sourceAddress) else {
            _ = try? await input.store.record(AuditEvent(action: "auth.login.throttled", objectType: "address", objectID: input.context.sourceAddress, result: .denied), by: input.context.actor)
            throw APIError.throttled
        }
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        let visitor = AuditActor(name: name, role: "none", authContext: "password", sourceAddress: input.context.sourceAddress)
        let user = try await input.store.user(named: name)
        let matches = PasswordHasher.verify(password, against: user?.passwordHash ?? decoyHash) && user != nil
        let locked = user?.isLocked(at: Date()) ?? false
        // A disabled account gets the same answer as a wrong password; the audit entry carries the real reason.
        let succeeded = matches && !locked && !(user?.isDisabled ?? false)
        let session = user.map { input.server.sessions.new(userID: $0.id) }
        let recorded = try await input.store.recordSignIn(name: name, succeeded: succeeded, policy: input.server.configuration.lockout, starting: session?.stored, by: visitor)
        guard succeeded, let recorded, !recorded.isDisabled, let session else {
            return Page.response("Sign in", identity: nil, status: .unauthorized,
                                 "<p class=\"error\">Wrong name or password, or the account is locked after repeated failures.</p><p><a href=\"/login\">Try again</a></p>")
        }
        var response = Page.redirect("/")
        response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: session.id, path: "/", secure: input.server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
