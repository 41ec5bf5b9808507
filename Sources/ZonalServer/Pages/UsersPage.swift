import Hummingbird
import Foundation
import ZonalStore

/// Users and roles, for admins.
enum UsersPage {
    static func render(_ input: EndpointInput) async throws -> Response {
        let users = try await input.store.users()
        let rows: [HTML] = users.map { "<tr><td>\($0.name)</td><td>\($0.role.rawValue)</td><td>\($0.createdAt)</td><td>\($0.isLocked(at: .now) ? "locked" : "")</td></tr>" }
        let options: [HTML] = Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        return Page.response("Users", identity: input.identity, """
        <table><thead><tr><th>Name</th><th>Role</th><th>Created</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        <form class="card" method="post" action="/users">\(Page.csrf(input.identity))<h2>Add a user</h2>
        <label for="name">Name</label><input id="name" name="name" required>
        <label for="role">Role</label><select id="role" name="role">\(options)</select>
        <label for="password">Initial password</label><input id="password" name="password" type="password" autocomplete="new-password" required>
        <button>Add user</button></form>
        """)
    }
}
