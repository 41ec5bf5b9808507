import Hummingbird
import ZonalStore

/// What admins do to other accounts, over the API and on the users page: disable, enable, and reset a password. The
/// store audits each change in its own transaction and refuses to disable the last enabled admin.
enum AccountRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(.post, "/api/v1/users/:user/disable", .api, policy: .administer) { input in
            JSONBody.response(UserView(try await input.store.setDisabled(userID: try input.parameter("user"), true, by: input.context.actor)))
        },

        Endpoint(.post, "/api/v1/users/:user/enable", .api, policy: .administer) { input in
            JSONBody.response(UserView(try await input.store.setDisabled(userID: try input.parameter("user"), false, by: input.context.actor)))
        },

        Endpoint(.put, "/api/v1/users/:user/password", .api, policy: .administer) { input in
            struct Body: Decodable { let password: String }
            return JSONBody.response(UserView(try await reset(input, userID: try input.parameter("user"), password: try input.json(Body.self).password)))
        },

        Endpoint(.post, "/users/:user/disable", .page, policy: .administer) { input in
            _ = try await input.store.setDisabled(userID: try input.parameter("user"), true, by: input.context.actor)
            return Page.redirect("/users")
        },

        Endpoint(.post, "/users/:user/enable", .page, policy: .administer) { input in
            _ = try await input.store.setDisabled(userID: try input.parameter("user"), false, by: input.context.actor)
            return Page.redirect("/users")
        },

        Endpoint(.post, "/users/password", .page, policy: .administer) { input in
            guard let userID = input.form["user"].flatMap({ Int64($0) }) else { throw APIError.badRequest("choose a user") }
            let user = try await reset(input, userID: userID, password: input.form["password"] ?? "")
            return Page.response("Password reset", identity: input.identity, """
            <p class="ok" role="status">The password of \(user.name) was reset. Their sessions ended and their API tokens were revoked; \
            give them the new password through a channel you trust.</p><p><a href="/users">Back to users</a></p>
            """)
        },
    ]

    /// An admin's reset of someone else's password. Their own goes through `/account/password`, which asks for the
    /// current one, so a hijacked admin session cannot take over the account by itself.
    static func reset(_ input: EndpointInput, userID: Int64, password: String) async throws -> User {
        guard userID != input.identity.user.id else {
            throw APIError.badRequest("change your own password on /account/password, which asks for your current one")
        }
        return try await input.store.setPassword(userID: userID, passwordHash: try NewPassword.hash(password, input), by: input.context.actor)
    }
}
