import Hummingbird
import ZonalStore

/// A user's own bearer tokens, over the API and on the tokens page: list, create (the secret is shown once) and revoke.
/// Nobody sees or revokes another user's tokens; every creation and revocation is audited by the store.
enum TokenRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(.get, "/api/v1/tokens", .api, policy: .allOf([.authenticated, .scope(.read)])) { input in
            JSONBody.response(try await input.store.tokens(userID: input.identity.user.id).map { TokenView($0) })
        },

        Endpoint(.delete, "/api/v1/tokens/:token", .api, policy: .allOf([.authenticated, .scope(.write)])) { input in
            JSONBody.response(TokenView(try await revokeOwn(input)))
        },

        Endpoint(.get, "/tokens", .page, policy: .authenticated) { input in try await page(input, issued: nil) },

        Endpoint(.post, "/tokens", .page, policy: .allOf([.authenticated, .scope(.write)])) { input in
            let scopes = [TokenScope.read] + (input.form["scope"] == "write" ? [.write] : [])
            let issued = try await input.store.createToken(userID: input.identity.user.id, name: input.form["name"] ?? "", scopes: scopes, by: input.context.actor)
            return try await page(input, issued: issued)
        },

        Endpoint(.post, "/tokens/:token/revoke", .page, policy: .allOf([.authenticated, .scope(.write)])) { input in
            _ = try await revokeOwn(input)
            return Page.redirect("/tokens")
        },
    ]

    /// Revokes the token in the path if the caller owns it; someone else's token is reported as not found.
    static func revokeOwn(_ input: EndpointInput) async throws -> APIToken {
        let id = try input.parameter("token")
        guard try await input.store.tokens(userID: input.identity.user.id).contains(where: { $0.id == id }) else { throw APIError.notFound }
        return try await input.store.revokeToken(id: id, by: input.context.actor)
    }

    /// The tokens page; right after a creation it shows the new secret, which is stored nowhere in clear.
    static func page(_ input: EndpointInput, issued: IssuedToken?) async throws -> Response {
        let identity = input.identity
        let tokens = try await input.store.tokens(userID: identity.user.id)
        let rows: [HTML] = tokens.map { token in
            let state: HTML = token.revokedAt.map { "<span class=\"muted\">revoked \($0)</span>" }
                ?? "<form method=\"post\" action=\"/tokens/\(token.id)/revoke\" class=\"inline\">\(Page.csrf(identity))<button class=\"link\" aria-label=\"Revoke token \(token.name)\">Revoke</button></form>"
            return "<tr><td>\(token.name)</td><td>\(token.scopes.map(\.rawValue).joined(separator: ", "))</td><td>\(token.createdAt)</td><td>\(state)</td></tr>"
        }
        var body: HTML = ""
        if let issued {
            body = """
            <div class="card" role="status"><p><strong>Token “\(issued.token.name)” created.</strong> Copy the secret now: it is shown only this once and stored only as a hash.</p>
            <p><code id="token-secret">\(issued.secret)</code></p><p class="muted">Use it as <code>Authorization: Bearer &lt;secret&gt;</code> against /api/v1.</p></div>
            """
        }
        let table: HTML = tokens.isEmpty
            ? "<p class=\"muted\">You have no tokens.</p>"
            : "<table><thead><tr><th>Name</th><th>Scopes</th><th>Created (UTC)</th><th>State</th></tr></thead><tbody>\(rows)</tbody></table>"
        body = """
        \(body)<p class="muted">Bearer tokens let scripts and CI call the <a href="/api/v1/openapi.json">JSON API</a> as you, with your role, narrowed to the scopes you choose.</p>
        \(table)
        <form class="card" method="post" action="/tokens">\(Page.csrf(identity))<h2>New token</h2>
        <label for="token-name">Name</label><input id="token-name" name="name" required>
        <label for="token-scope">Scope</label><select id="token-scope" name="scope"><option value="read">read</option><option value="write">read and write</option></select>
        <button>Create token</button></form>
        """
        return Page.response("API tokens", identity: identity, status: issued == nil ? .ok : .created, body)
    }
}
