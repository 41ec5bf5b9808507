import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// A user manages their own tokens on the tokens page and over the API: the secret is shown once, revocation works at
/// once, nobody touches another user's tokens, and the trail records each step.
struct TokenPageTests {
    @Test func aUserCreatesSeesOnceUsesAndRevokesATokenOnThePage() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let forged = try await client.execute(uri: "/tokens", method: .post, headers: form, body: ByteBuffer(string: "name=ci&scope=read"))
            #expect(forged.status == .forbidden)
            let created = try await client.execute(uri: "/tokens", method: .post, headers: form, body: ByteBuffer(string: "name=ci-nightly&scope=read&csrf=\(csrf)"))
            #expect(created.status == .created)
            let secret = try #require(created.text.range(of: "<code id=\"token-secret\">").map { String(created.text[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(secret.count > 20)
            // The secret works as a bearer token, with the read scope only.
            let me = try await client.call(.get, "/api/v1/me", token: secret)
            #expect(me.status == .ok && me.text.contains("viewer-user"))
            let write = try await client.call(.post, "/api/v1/tokens", token: secret, json: #"{"name":"x","scopes":["read"]}"#)
            #expect(write.status == .forbidden)
            // Shown once: the list never carries it again.
            let list = try await client.execute(uri: "/tokens", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(list.text.contains("ci-nightly") && !list.text.contains(secret))
            let tokens = try await fixture.store.tokens(userID: fixture.users[.viewer]!.id)
            let id = try #require(tokens.first { $0.name == "ci-nightly" }?.id)
            let revoked = try await client.execute(uri: "/tokens/\(id)/revoke", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(revoked.status == .seeOther)
            #expect(try await client.call(.get, "/api/v1/me", token: secret).status == .unauthorized)
            let after = try await client.execute(uri: "/tokens", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(after.text.contains("revoked"))
        }
        let actions = try await fixture.store.auditEntries(after: 0, limit: 10_000).filter { $0.actor == "viewer-user" }.map(\.action)
        #expect(actions.contains("token.create") && actions.contains("token.revoke"))
    }

    @Test func nobodyListsOrRevokesAnotherUsersToken() async throws {
        let fixture = try await ServerFixture.make()
        let engineerTokenID = try #require(try await fixture.store.tokens(userID: fixture.users[.engineer]!.id).first?.id)
        try await fixture.test { client in
            let stolen = try await client.call(.delete, "/api/v1/tokens/\(engineerTokenID)", token: fixture.tokens[.viewer])
            #expect(stolen.status == .notFound)
            let mine = try await client.call(.get, "/api/v1/tokens", token: fixture.tokens[.viewer])
            let listed = try #require(try JSONSerialization.jsonObject(with: Data(mine.text.utf8)) as? [[String: Any]])
            #expect(listed.count == 1 && listed.allSatisfy { $0["secret"] == nil })
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.engineer]).status == .ok)
            // Revoking one's own token over the API, with that very token.
            let own = try await client.call(.delete, "/api/v1/tokens/\(engineerTokenID)", token: fixture.tokens[.engineer])
            #expect(own.status == .ok && own.text.contains("revokedAt"))
            #expect(try await client.call(.get, "/api/v1/me", token: fixture.tokens[.engineer]).status == .unauthorized)
        }
    }
}
