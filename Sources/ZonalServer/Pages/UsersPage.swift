import Hummingbird
import Foundation
import ZonalStore

/// Users and roles, for admins.
enum UsersPage {
    static func render(_ input: EndpointInput) async throws -> Response {
        let users = try await input.store.users()
        let identity = input.identity
        let rows: [HTML] = users.map { user in
            let state: HTML = user.disabledAt.map { "<span class=\"error\">disabled since \($0)</span>" } ?? (user.isLocked(at: .now) ? "locked" : "<span class=\"ok\">enabled</span>")
            let action = user.isDisabled ? "enable" : "disable"
            let button: HTML = """
            <form method="post" action="/users/\(user.id)/\(action)" class="inline">\(Page.csrf(identity))<button class="link" aria-label="\(action.capitalized) \(user.name)">\(action.capitalized)</button></form>
            """
            return "<tr><td>\(user.name)</td><td>\(user.role.rawValue)</td><td>\(user.createdAt)</td><td>\(state)</td><td>\(button)</td></tr>"
        }
        let resettable: [HTML] = users.filter { $0.id != identity.user.id }.map { "<option value=\"\($0.id)\">\($0.name) (\($0.role.rawValue))</option>" }
        let options: [HTML] = Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        let projects = try await input.store.projects()
        let projectOptions: [HTML] = projects.map { "<option value=\"\($0.id)\">\($0.name)</option>" }
        let userOptions: [HTML] = users.filter { $0.role != .admin }.map { "<option value=\"\($0.id)\">\($0.name) (\($0.role.rawValue))</option>" }
        var memberRows: [HTML] = []
        for project in projects {
            let names = try await input.store.members(projectID: project.id).compactMap { member in users.first { $0.id == member.userID }?.name }
            memberRows.append("<tr><td>\(project.name)</td><td>\(names.joined(separator: ", "))</td></tr>")
        }
        return Page.response("Users", identity: input.identity, """
        <table><thead><tr><th>Name</th><th>Role</th><th>Created</th><th>State</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        <p class="muted">Disabling ends the user's sessions at once and refuses their API tokens until they are enabled again. The last enabled admin cannot be disabled.</p>
        <form class="card" method="post" action="/users">\(Page.csrf(input.identity))<h2>Add a user</h2>
        <label for="name">Name</label><input id="name" name="name" required>
        <label for="role">Role</label><select id="role" name="role">\(options)</select>
        <label for="password">Initial password (at least \(PasswordHasher.minimumLength) characters)</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="\(PasswordHasher.minimumLength)" required>
        <button>Add user</button></form>
        <form class="card" method="post" action="/users/password">\(Page.csrf(input.identity))<h2>Reset a password</h2>
        <label for="reset-user">User</label><select id="reset-user" name="user">\(resettable)</select>
        <label for="reset-password">New password (at least \(PasswordHasher.minimumLength) characters)</label><input id="reset-password" name="password" type="password" autocomplete="new-password" minlength="\(PasswordHasher.minimumLength)" required>
        <p class="muted">Ends the user's sessions and revokes their API tokens. Your own password: <a href="/account/password">change it here</a>.</p>
        <button>Reset password</button></form>
        <h2>Projects and members</h2>
        <table><thead><tr><th>Project</th><th>Members</th></tr></thead><tbody>\(memberRows)</tbody></table>
        <form class="card" method="post" action="/projects">\(Page.csrf(input.identity))<label for="project-name">New project</label><input id="project-name" name="name" required><button>Create project</button></form>
        <form class="card" method="post" action="/memberships">\(Page.csrf(input.identity))
        <label for="member-project">Project</label><select id="member-project" name="project">\(projectOptions)</select>
        <label for="member-user">User</label><select id="member-user" name="user">\(userOptions)</select>
        <button>Add member</button></form>
        """)
    }
}
