import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// Disabling and enabling accounts, and changing passwords, through the API and the pages.
struct AccountTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func aDisabledUserIsSignedOutAndTheirTokenRefusedOnTheNextRequest() async throws {
        let fixture = try await ServerFixture.make()
        let viewer = fixture.users[.viewer]!
        let page = "/projects/\(fixture.project.id)"
        try await fixture.test { client in
            let (cookie, _, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            for _ in 1 ... 2 {
                #expect(try await client.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil).status == .ok, "cached")
                #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.viewer]).status == .ok)
            }
            let disabled = try await client.call(.post, "/api/v1/users/\(viewer.id)/disable", token: fixture.tokens[.admin])
            #expect(disabled.status == .ok && disabled.text.contains("\"disabled\":true"), "\(disabled.text)")
            #expect(try await client.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil).status == .found, "the session ended (sent to sign in)")
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.viewer]).status == .unauthorized, "the token is refused at once")

            let (_, _, refused) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            let (_, _, wrong) = try await ServerBehaviourTests.signIn(client, name: "engineer-user", password: "not-the-password")
            #expect(refused.status == .unauthorized && refused.text == wrong.text, "the same answer as a wrong password")
            let entries = try await fixture.store.auditEntries(after: 0, limit: 10_000)
            let attempt = try #require(entries.last { $0.action == "auth.login.failed" && $0.objectID == "viewer-user" })
            #expect(attempt.payload.contains("account disabled"), "the log has the real reason: \(attempt.payload)")
            #expect(entries.contains { $0.action == "user.disable" && $0.objectID == "viewer-user" && $0.actor == "admin-user" })

            let again = try await client.call(.post, "/api/v1/users/\(viewer.id)/disable", token: fixture.tokens[.admin])
            #expect(again.status == .conflict && again.errorCode == "invalid-state")
            #expect(try await client.call(.post, "/api/v1/users/\(viewer.id)/enable", token: fixture.tokens[.admin]).status == .ok)
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.viewer]).status == .ok, "enabled again, the token works again")
            let (_, _, back) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            #expect(back.status == .seeOther)
        }
    }

    @Test func theLastEnabledAdminIsToldWhyTheyCannotDisableThemselves() async throws {
        let fixture = try await ServerFixture.make()
        let admin = fixture.users[.admin]!
        try await fixture.test { client in
            let api = try await client.call(.post, "/api/v1/users/\(admin.id)/disable", token: fixture.tokens[.admin])
            #expect(api.status == .conflict && api.errorCode == "invalid-state")
            #expect(api.text.contains("last enabled admin"), "\(api.text)")
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "admin-user", password: "password-admin")
            let page = try await client.execute(uri: "/users/\(admin.id)/disable", method: .post, headers: Self.form + [.cookie: cookie], body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(page.status == .conflict && page.text.contains("is the last enabled admin and cannot be disabled"), "\(page.text.prefix(600))")
            #expect(try await fixture.store.user(id: admin.id)?.isDisabled == false)
        }
    }

    @Test func theUsersPageDisablesAndEnablesWithItsCSRFToken() async throws {
        let fixture = try await ServerFixture.make()
        let target = fixture.bystander
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "admin-user", password: "password-admin")
            let users = try await client.execute(uri: "/users", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(users.text.contains("action=\"/users/\(target.id)/disable\""))
            let forged = try await client.execute(uri: "/users/\(target.id)/disable", method: .post, headers: Self.form + [.cookie: cookie], body: ByteBuffer(string: ""))
            #expect(forged.status == .forbidden && forged.text.contains("CSRF"))
            let done = try await client.execute(uri: "/users/\(target.id)/disable", method: .post, headers: Self.form + [.cookie: cookie], body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(done.status == .seeOther)
            let after = try await client.execute(uri: "/users", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(after.text.contains("disabled since") && after.text.contains("action=\"/users/\(target.id)/enable\""))
            #expect(try await client.execute(uri: "/users/\(target.id)/enable", method: .post, headers: Self.form + [.cookie: cookie], body: ByteBuffer(string: "csrf=\(csrf)")).status == .seeOther)
            #expect(try await fixture.store.user(id: target.id)?.isDisabled == false)
        }
        let actions = try await fixture.store.auditEntries(after: 0, limit: 10_000).map(\.action)
        #expect(actions.suffix(2) == ["user.disable", "user.enable"])
    }

    @Test func aUserChangesTheirOwnPasswordWithTheCurrentOneAndLosesSessionsAndTokens() async throws {
        let fixture = try await ServerFixture.make()
        let path = "/account/password"
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "engineer-user", password: "password-engineer")
            let page = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie], body: nil)
            #expect(page.status == .ok && page.text.contains("name=\"current\"") && page.text.contains("minlength=\"\(PasswordHasher.minimumLength)\""))
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: Self.form + [.cookie: cookie], body: ByteBuffer(string: body))
            }
            #expect(try await post("current=password-engineer&password=new-password-1&repeat=new-password-1").status == .forbidden, "no CSRF token, no change")
            let wrong = try await post("csrf=\(csrf)&current=guessing-it&password=new-password-1&repeat=new-password-1")
            #expect(wrong.status == .forbidden && wrong.text.contains("current password is wrong"))
            let short = try await post("csrf=\(csrf)&current=password-engineer&password=short&repeat=short")
            #expect(short.status == .badRequest && short.text.contains("at least \(PasswordHasher.minimumLength) characters"), "the policy of `zonal users add`")
            let mismatch = try await post("csrf=\(csrf)&current=password-engineer&password=new-password-1&repeat=new-password-2")
            #expect(mismatch.status == .badRequest && mismatch.text.contains("do not match"))
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.engineer]).status == .ok, "nothing changed so far")

            let changed = try await post("csrf=\(csrf)&current=password-engineer&password=new-password-1&repeat=new-password-1")
            #expect(changed.status == .ok && changed.text.contains("Your password was changed"))
            #expect(changed.headers[values: .setCookie].contains { $0.hasPrefix("zonal_session=;") && $0.contains("Max-Age=0") })
            #expect(try await client.execute(uri: path, method: .get, headers: [.cookie: cookie], body: nil).status == .found, "the session ended")
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.engineer]).status == .unauthorized, "the token was revoked")
            #expect(try await ServerBehaviourTests.signIn(client, name: "engineer-user", password: "password-engineer").response.status == .unauthorized)
            #expect(try await ServerBehaviourTests.signIn(client, name: "engineer-user", password: "new-password-1").response.status == .seeOther)
        }
        let changes = try await fixture.store.auditEntries(after: 0, limit: 10_000).filter { $0.action == "user.password.change" }
        #expect(changes.map(\.result) == [.denied, .success], "the wrong guess and the change are both on the record")
        #expect(changes.last?.actor == "engineer-user")
    }

    @Test func anAdminResetsAnotherUsersPasswordButNotTheirOwn() async throws {
        let fixture = try await ServerFixture.make()
        let viewer = fixture.users[.viewer]!
        let admin = fixture.users[.admin]!
        try await fixture.test { client in
            let short = try await client.call(.put, "/api/v1/users/\(viewer.id)/password", token: fixture.tokens[.admin], json: #"{"password":"short"}"#)
            #expect(short.status == .badRequest && short.text.contains("at least \(PasswordHasher.minimumLength)"))
            let own = try await client.call(.put, "/api/v1/users/\(admin.id)/password", token: fixture.tokens[.admin], json: #"{"password":"long enough password"}"#)
            #expect(own.status == .badRequest && own.text.contains("/account/password"))
            let reset = try await client.call(.put, "/api/v1/users/\(viewer.id)/password", token: fixture.tokens[.admin], json: #"{"password":"reset by the admin"}"#)
            #expect(reset.status == .ok, "\(reset.text)")
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.viewer]).status == .unauthorized, "the user's tokens were revoked")
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.admin]).status == .ok)
            #expect(try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "reset+by+the+admin").response.status == .seeOther)

            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "admin-user", password: "password-admin")
            let page = try await client.execute(uri: "/users/password", method: .post, headers: Self.form + [.cookie: cookie],
                                                body: ByteBuffer(string: "csrf=\(csrf)&user=\(fixture.bystander.id)&password=another+long+one"))
            #expect(page.status == .ok && page.text.contains("The password of bystander was reset"))
            #expect(try await ServerBehaviourTests.signIn(client, name: "bystander", password: "another+long+one").response.status == .seeOther)
        }
    }
}
