import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// The server remembers identities and memberships between requests; these tests pin that a revoked token, a changed
/// role, a new membership and a sign-out take effect on the very next request, and that sessions outlive a restart.
struct AccessCacheTests {
    @Test func aRevokedTokenStopsWorkingOnTheNextRequest() async throws {
        let fixture = try await ServerFixture.make()
        let root = AuditActor.hostOperator("root")
        let issued = try await fixture.store.createToken(userID: fixture.users[.viewer]!.id, name: "soon-revoked", scopes: [.read], by: root)
        try await fixture.test { client in
            for _ in 1 ... 3 { #expect(try await client.call(.get, "/api/v1/me", token: issued.secret).status == .ok) }
            _ = try await fixture.store.revokeToken(id: issued.token.id, by: root)
            #expect(try await client.call(.get, "/api/v1/me", token: issued.secret).status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.viewer]).status == .ok, "other tokens still work")
        }
    }

    @Test func aRoleChangeAppliesOnTheNextRequest() async throws {
        let fixture = try await ServerFixture.make()
        let engineer = fixture.users[.engineer]!
        let save = "{\"content\":\"zonal: 1\\n\",\"comment\":\"c\",\"baseVersionID\":null}"
        try await fixture.test { client in
            #expect(try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/first/versions", token: fixture.tokens[.engineer], json: save).status == .created)
            _ = try await fixture.store.setRole(userID: engineer.id, role: .viewer, by: .hostOperator("root"))
            #expect(try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/second/versions", token: fixture.tokens[.engineer], json: save).status == .forbidden)
        }
    }

    @Test func aPasswordOrRoleChangeSignsTheUserOutOnTheNextRequest() async throws {
        let fixture = try await ServerFixture.make()
        let viewer = fixture.users[.viewer]!
        let page = "/projects/\(fixture.project.id)"
        try await fixture.test { client in
            for change in ["password", "role"] {
                let (cookie, _, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
                for _ in 1 ... 2 { #expect(try await client.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil).status == .ok, "cached") }
                if change == "password" {
                    _ = try await fixture.store.setPassword(userID: viewer.id, passwordHash: try await fixture.store.user(id: viewer.id)!.passwordHash, by: .hostOperator("root"))
                } else {
                    _ = try await fixture.store.setRole(userID: viewer.id, role: .assessor, by: .hostOperator("root"))
                }
                let after = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil)
                #expect(after.status == .found, "after a \(change) change the session is gone at once (redirected to sign in)")
            }
        }
    }

    @Test func membershipIsRecheckedWhenItChanges() async throws {
        let fixture = try await ServerFixture.make()
        let outsider = try #require(try await fixture.store.user(named: "outsider"))
        try await fixture.test { client in
            let path = "/api/v1/versions/\(fixture.version.id)/findings"
            #expect(try await client.call(.get, path, token: fixture.outsiderToken).status == .forbidden)
            _ = try await fixture.store.addMember(projectID: fixture.project.id, userID: outsider.id, by: .hostOperator("root"))
            #expect(try await client.call(.get, path, token: fixture.outsiderToken).status == .ok)
            try await fixture.store.database.write { try await $0.execute("DELETE FROM memberships WHERE user_id = ?", [.integer(outsider.id)]) }
            #expect(try await client.call(.get, path, token: fixture.outsiderToken).status == .forbidden, "a membership removed in the database, even by hand, ends access")
        }
    }

    @Test func aSessionOutlivesARestartAndSignOutEndsItEverywhere() async throws {
        let fixture = try await ServerFixture.make()
        let restarted = ZonalServer(store: fixture.store, configuration: fixture.server.configuration)
        let page = "/projects/\(fixture.project.id)"
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            try await Application(router: restarted.router()).test(.router) { other in
                let seen = try await other.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil)
                #expect(seen.status == .ok, "a new server process over the same store knows the session")
                #expect(ServerBehaviourTests.hidden("csrf", in: seen.text) == csrf, "with the same CSRF token")
                let out = try await client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "csrf=\(csrf)"))
                #expect(out.status == .seeOther)
                let after = try await other.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil)
                #expect(after.status == .found, "signed out on the other server too (redirected to sign in)")
            }
            #expect(try await client.execute(uri: page, method: .get, headers: [.cookie: cookie], body: nil).status == .found)
        }
        #expect(try await fixture.store.auditEntries(after: 0, limit: 1000).last?.action == "auth.logout")
    }
}
