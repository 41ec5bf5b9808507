import Foundation
import Hummingbird
import ZonalAnalysis
import ZonalReports
import ZonalStore

/// The server-rendered pages. They stay plain on purpose: the reports branch builds the HTML report and the SVG zone &
/// conduit diagram in ZonalReports; the version page calls `VersionPage.analysis`, where that renderer plugs in.
enum PageRoutes {
    static let loginCSRFCookie = "zonal_login_csrf"

    static let all: [Endpoint] = [
        Endpoint(.get, "/static/zonal.css", .page, policy: .anyone) { _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Page.stylesheet + ZoneDiagram.stylesheet)))
        },

        Endpoint(.get, "/login", .page, policy: .anyone) { input in
            let token = SessionStore.randomToken()
            var response = Page.response("Sign in", identity: nil, """
            <form class="card" method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">
            <label for="name">Name</label><input id="name" name="name" autocomplete="username" required>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form>
            """)
            response.setCookie(Cookie(name: loginCSRFCookie, value: token, path: "/login", secure: input.server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        },

        Endpoint(.post, "/login", .page, policy: .anyone) { input in try await SignIn.handle(input) },

        Endpoint(.post, "/logout", .page, policy: .authenticated) { input in
            // A bearer token has no session to end; the sign-out is still on the record.
            if let id = input.request.cookies[AuthenticationMiddleware.cookieName]?.value, input.identity.csrfToken != nil {
                try await input.store.endSession(idHash: SessionStore.idHash(id), by: input.context.actor)
            } else {
                _ = try await input.store.record(AuditEvent(action: "auth.logout", objectType: "user", objectID: input.identity.user.name), by: input.context.actor)
            }
            var response = Page.redirect("/login")
            response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: input.server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        },

        Endpoint(.get, "/", .page, policy: .authenticated) { input in
            let identity = input.identity
            if identity.user.role == .admin { return Page.redirect("/users") }
            let projects = try await APIRoutes.visibleProjects(input)
            let rows: [HTML] = projects.map { "<tr><td><a href=\"/projects/\($0.id)\">\($0.name)</a></td><td>\($0.createdBy)</td><td>\($0.createdAt)</td></tr>" }
            return Page.response("Projects", identity: identity, projects.isEmpty
                ? "<p class=\"muted\">You are not a member of any project yet; an admin adds you.</p>"
                : "<table><thead><tr><th>Project</th><th>Created by</th><th>Created</th></tr></thead><tbody>\(rows)</tbody></table>")
        },

        Endpoint(.get, "/projects/:project", .page, policy: .readProject, project: .projectParameter) { input in
            let projectID = try input.parameter("project")
            guard let project = try await input.store.project(id: projectID) else { throw APIError.notFound }
            var rows: [HTML] = []
            for version in try await input.store.latestModels(projectID: projectID) {
                let state = try await input.store.approval(versionID: version.id)?.state.rawValue ?? "draft"
                rows.append("<tr><td><a href=\"/versions/\(version.id)\">\(version.modelName)</a></td><td class=\"num\">\(version.number)</td><td>\(version.author)</td><td>\(version.createdAt)</td><td class=\"state-\(state)\">\(state)</td></tr>")
            }
            var body: HTML = rows.isEmpty ? "<p class=\"muted\">No models yet.</p>" : "<table><thead><tr><th>Model</th><th>Version</th><th>Author</th><th>Saved</th><th>Approval</th></tr></thead><tbody>\(rows)</tbody></table>"
            if input.identity.user.role == .engineer {
                body = "\(body)\(VersionPage.saveForm(projectID: projectID, modelName: "", content: "", baseVersionID: nil, identity: input.identity, title: "Upload a new model"))"
            }
            return Page.response(project.name, identity: input.identity, body)
        },

        Endpoint(.post, "/projects/:project/models", .page, policy: .writeProject(.engineer), project: .projectParameter) { input in
            let form = input.form
            let draft = ModelDraft(projectID: try input.parameter("project"), modelName: form["model"] ?? "", content: form["content"] ?? "", comment: form["comment"] ?? "",
                                   baseVersionID: form["base"].flatMap { Int64($0) })
            let version = try await input.store.saveModel(draft, by: input.context.actor)
            return Page.redirect("/versions/\(version.id)")
        },

        Endpoint(.get, "/versions/:version", .page, policy: .readProject, project: .versionParameter) { input in
            try await VersionPage.render(input)
        },

        Endpoint(.get, "/versions/:version/diff", .page, policy: .readProject, project: .versionParameter) { input in
            let diff = try await VersionDiff.diff(input)
            let id = try input.parameter("version")
            return Page.response("What changed", identity: input.identity,
                                 "<p><a href=\"/versions/\(id)\">← version</a></p><pre class=\"card\">\(DiffReport.text(diff, style: TextStyle(colored: false)))</pre>")
        },

        Endpoint(.post, "/versions/:version/submit", .page, policy: .writeProject(.assessor), project: .versionParameter) { input in
            let id = try input.parameter("version")
            _ = try await input.store.submitForApproval(versionID: id, by: input.context.actor)
            return Page.redirect("/versions/\(id)")
        },

        Endpoint(.post, "/versions/:version/decision", .page, policy: .writeProject(.approver), project: .versionParameter) { input in
            let id = try input.parameter("version")
            let form = input.form
            guard let decision = form["decision"].flatMap(ApprovalDecision.init(rawValue:)) else { throw APIError.badRequest("choose approve or reject") }
            _ = try await input.store.decide(versionID: id, decision: decision, contentHash: form["contentHash"] ?? "", comment: form["comment"] ?? "", by: input.context.actor)
            return Page.redirect("/versions/\(id)")
        },

        Endpoint(.get, "/audit", .page, policy: .audit) { input in try await AuditPage.render(input, report: nil) },

        Endpoint(.post, "/audit/verify", .page, policy: .audit) { input in try await AuditPage.render(input, report: try await AuditRun.verify(input)) },

        Endpoint(.get, "/users", .page, policy: .administer) { input in try await UsersPage.render(input) },

        Endpoint(.post, "/projects", .page, policy: .administer) { input in
            _ = try await input.store.createProject(name: input.form["name"] ?? "", by: input.context.actor)
            return Page.redirect("/users")
        },

        Endpoint(.post, "/memberships", .page, policy: .administer) { input in
            guard let projectID = input.form["project"].flatMap({ Int64($0) }), let userID = input.form["user"].flatMap({ Int64($0) }) else { throw APIError.badRequest("choose a project and a user") }
            _ = try await input.store.addMember(projectID: projectID, userID: userID, by: input.context.actor)
            return Page.redirect("/users")
        },

        Endpoint(.post, "/users", .page, policy: .administer) { input in
            let form = input.form
            guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw APIError.badRequest("choose a role") }
            _ = try await input.store.createUser(name: form["name"] ?? "", role: role, passwordHash: try NewPassword.hash(form["password"] ?? "", input), by: input.context.actor)
            return Page.redirect("/users")
        },
    ]
}
