import Hummingbird
import Foundation
import ZonalStore

/// Users and roles, for admins.
enum UsersPage {
    static func render(_ input: EndpointInput) async throws -> Response {
        let users = try await input.store.users()
        let rows: [HTML] = users.map { "<tr><td>\($0.name)</td><td>\($0.role.rawValue)</td><td>\($0.createdAt)</td><td>\($0.isLocked(at: .now) ? "locked" : "")</td></tr>" }
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
        <table><thead><tr><th>Name</th><th>Role</th><th>Created</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        <form class="card" method="post" action="/users">\(Page.csrf(input.identity))<h2>Add a user</h2>
        <label for="name">Name</label><input id="name" name="name" required>
        <label for="role">Role</label><select id="role" name="role">\(options)</select>
        <label for="password">Initial password</label><input id="password" name="password" type="password" autocomplete="new-password" required>
        <button>Add user</button></form>
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
