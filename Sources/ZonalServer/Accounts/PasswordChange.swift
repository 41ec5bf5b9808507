import Hummingbird
import ZonalStore

/// A signed-in user's change of their own password: the current one is required, the form carries the session's CSRF
/// token, and wrong guesses count against the sign-in throttle. Every session of the user ends and every API token is
/// revoked (the store's rule for any new password), so the page signs the browser out.
enum PasswordChange {
    static let path = "/account/password"

    static let endpoints: [Endpoint] = [
        Endpoint(.get, path, .page, policy: .authenticated) { input in PasswordChange.form(input.identity, status: .ok, message: nil) },

        Endpoint(.post, path, .page, policy: .allOf([.authenticated, .scope(.write)])) { input in
            let form = input.form
            let identity = input.identity
            guard await input.server.throttle.allow(input.context.sourceAddress) else { throw APIError.throttled }
            // The hash is read fresh: the identity may come from the access cache.
            guard let user = try await input.store.user(id: identity.user.id), PasswordHasher.verify(form["current"] ?? "", against: user.passwordHash) else {
                _ = try await input.store.record(AuditEvent(action: "user.password.change", objectType: "user", objectID: identity.user.name, result: .denied,
                                                            payload: ["reason": "wrong current password"]), by: input.context.actor)
                return PasswordChange.form(identity, status: .forbidden, message: "The current password is wrong; nothing was changed.")
            }
            guard form["password"] == form["repeat"] else { return PasswordChange.form(identity, status: .badRequest, message: "The new passwords do not match; nothing was changed.") }
            _ = try await input.store.setPassword(userID: user.id, passwordHash: try NewPassword.hash(form["password"] ?? "", input), by: input.context.actor)
            var response = Page.response("Password changed", identity: nil, """
            <p class="ok" role="status">Your password was changed. Every session you had has ended and your API tokens were revoked.</p>
            <p><a href="/login">Sign in with the new password</a></p>
            """)
            response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: input.server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        },
    ]

    static func form(_ identity: Identity, status: HTTPResponse.Status, message: String?) -> Response {
        let error: HTML = message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return Page.response("Change your password", identity: identity, status: status, """
        \(error)<form class="card" method="post" action="\(path)">\(Page.csrf(identity))
        <label for="current">Current password</label><input id="current" name="current" type="password" autocomplete="current-password" required>
        <label for="new-password">New password (at least \(PasswordHasher.minimumLength) characters)</label>
        <input id="new-password" name="password" type="password" autocomplete="new-password" minlength="\(PasswordHasher.minimumLength)" required>
        <label for="repeat">Repeat the new password</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" required>
        <button>Change password</button></form>
        <p class="muted">Changing it signs you out everywhere and revokes your API tokens: create new ones afterwards.</p>
        """)
    }
}

/// A password about to be set, hashed with the server's hasher under the one policy `zonal users add` also enforces.
enum NewPassword {
    static func hash(_ password: String, _ input: EndpointInput) throws -> String {
        do { return try input.server.configuration.passwordHasher.hash(password) } catch let error as PasswordError { throw APIError.badRequest(error.description) }
    }
}
