import Foundation
import Testing
@testable import ZonalStore

/// Disabled accounts and password changes, on both databases: what ends at once, what is refused, what is audited.
struct AccountStateTests {
    @Test(arguments: Backend.available)
    func aDisabledUserLosesSessionsAndTokensAtOnceAndCannotSignIn(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        let admin = try #require(try await store.user(named: "ada"))
        let visitor = AuditActor(name: "eve", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        _ = try await store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: SessionStoreTests.session(for: setup.engineer, id: "before"), by: visitor)
        let token = try await store.createToken(userID: setup.engineer.id, name: "ci", scopes: [.read], by: .of(setup.engineer))
        #expect(try await store.bearer(secret: token.secret) != nil)
        let epoch = try await store.accessEpoch()

        let disabled = try await store.setDisabled(userID: setup.engineer.id, true, by: .of(admin))
        #expect(disabled.isDisabled && disabled.disabledAt != nil)
        #expect(try await store.user(id: setup.engineer.id)?.isDisabled == true)
        #expect(try await store.accessEpoch() > epoch, "servers drop cached identities before the next request")
        #expect(try await store.session(idHash: "before-hash") == nil, "the sessions ended with the disable")
        #expect(try await store.bearer(secret: token.secret) == nil, "the token is refused while the account is disabled")

        let attempt = try await store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: SessionStoreTests.session(for: setup.engineer, id: "during"), by: visitor)
        #expect(attempt?.isDisabled == true)
        #expect(try await store.session(idHash: "during-hash") == nil, "a disabled account starts no session, even told the password matched")
        let failed = try #require(try await store.auditEntries(after: 0, limit: 1000).last)
        #expect(failed.action == "auth.login.failed" && failed.result == .denied && failed.payload.contains("account disabled"))

        await #expect(throws: StoreError.invalidState("user 'eve' is already disabled")) { try await store.setDisabled(userID: setup.engineer.id, true, by: .of(admin)) }
        let enabled = try await store.setDisabled(userID: setup.engineer.id, false, by: .of(admin))
        #expect(!enabled.isDisabled)
        #expect(try await store.bearer(secret: token.secret)?.user.name == "eve", "an unrevoked token works again once enabled")
        _ = try await store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: SessionStoreTests.session(for: setup.engineer, id: "after"), by: visitor)
        #expect(try await store.session(idHash: "after-hash") != nil)

        let actions = try await store.auditEntries(after: 0, limit: 1000).map(\.action)
        #expect(actions.filter { $0 == "user.disable" }.count == 1 && actions.filter { $0 == "user.enable" }.count == 1, "refusals leave no entry")
        #expect(try await fixture.verify().exitCode == 0)
    }

    @Test(arguments: Backend.available)
    func theLastEnabledAdminCannotBeDisabledOrDemoted(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        _ = try await fixture.populate()
        let store = fixture.store
        let ada = try #require(try await store.user(named: "ada"))
        let before = try await store.auditEntries(after: 0, limit: 1000).count
        let refusal = await #expect(throws: StoreError.self) { try await store.setDisabled(userID: ada.id, true, by: .of(ada)) }
        #expect(refusal?.description.contains("'ada' is the last enabled admin and cannot be disabled") == true, "\(String(describing: refusal))")
        #expect(try await store.user(id: ada.id)?.isDisabled == false)
        #expect(try await store.auditEntries(after: 0, limit: 1000).count == before, "no change, no entry")

        let demotion = await #expect(throws: StoreError.self) { try await store.setRole(userID: ada.id, role: .auditor, by: .of(ada)) }
        #expect(demotion?.description.contains("'ada' is the last enabled admin and cannot get another role") == true, "\(String(describing: demotion))")
        #expect(try await store.user(id: ada.id)?.role == .admin)

        let bob = try await store.createUser(name: "bob", role: .admin, passwordHash: try PasswordHasher.testing.hash("bob's password"), by: .of(ada))
        _ = try await store.setDisabled(userID: ada.id, true, by: .of(ada))
        await #expect(throws: StoreError.self, "bob is the only enabled admin left") { try await store.setRole(userID: bob.id, role: .viewer, by: .of(bob)) }
        _ = try await store.setRole(userID: ada.id, role: .viewer, by: .of(bob))
        _ = try await store.setRole(userID: ada.id, role: .admin, by: .of(bob))
        await #expect(throws: StoreError.self, "bob is now the last enabled admin") { try await store.setDisabled(userID: bob.id, true, by: .of(bob)) }
        _ = try await store.setDisabled(userID: ada.id, false, by: .of(bob))
        _ = try await store.setDisabled(userID: bob.id, true, by: .of(ada))
        #expect(try await fixture.verify().exitCode == 0)
    }

    @Test(arguments: Backend.available)
    func aNewPasswordRevokesEveryActiveTokenOfTheUserInTheSameTransaction(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        let first = try await store.createToken(userID: setup.engineer.id, name: "one", scopes: [.read], by: .of(setup.engineer))
        let second = try await store.createToken(userID: setup.engineer.id, name: "two", scopes: [.read, .write], by: .of(setup.engineer))
        let old = try await store.createToken(userID: setup.engineer.id, name: "old", scopes: [.read], by: .of(setup.engineer))
        _ = try await store.revokeToken(id: old.token.id, by: .of(setup.engineer))
        let others = try await store.createToken(userID: setup.assessor.id, name: "sams", scopes: [.read], by: .of(setup.assessor))

        _ = try await store.setPassword(userID: setup.engineer.id, passwordHash: try PasswordHasher.testing.hash("a brand new one"), by: .of(setup.engineer))
        #expect(try await store.bearer(secret: first.secret) == nil)
        #expect(try await store.bearer(secret: second.secret) == nil)
        #expect(try await store.tokens(userID: setup.engineer.id).allSatisfy { $0.revokedAt != nil })
        #expect(try await store.bearer(secret: others.secret) != nil, "other users' tokens are untouched")
        let entry = try #require(try await store.auditEntries(after: 0, limit: 1000).last)
        #expect(entry.action == "user.password.change")
        #expect(entry.payload.contains("\"tokensRevoked\":\"\(first.token.id) \(second.token.id)\""), "\(entry.payload)")
        #expect(try await fixture.verify().exitCode == 0)
    }
}
