import Foundation
import Testing
@testable import ZonalStore

/// Sessions kept in the store (so a restart signs no one out) and the access epoch that server caches trust.
struct SessionStoreTests {
    static func session(for user: User, id: String, lifetime: TimeInterval = 3600) -> StoredSession {
        StoredSession(idHash: id + "-hash", userID: user.id, csrfToken: "csrf-" + id, createdAt: Timestamp.format(Date()),
                      expiresAt: Timestamp.format(Date().addingTimeInterval(lifetime)))
    }

    @Test(arguments: Backend.available)
    func aSessionStartsOnlyWithASuccessfulSignInAndEndsAtSignOut(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let visitor = AuditActor(name: "eve", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        _ = try await fixture.store.recordSignIn(name: "eve", succeeded: false, policy: .standard, starting: Self.session(for: setup.engineer, id: "a"), by: visitor)
        #expect(try await fixture.store.session(idHash: "a-hash") == nil, "a failed sign-in starts no session")
        await #expect(throws: StoreError.self, "a session of another user is refused") {
            try await fixture.store.recordSignIn(name: "sam", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: "x"), by: visitor)
        }
        _ = try await fixture.store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: "b"), by: visitor)
        let found = try #require(try await fixture.store.session(idHash: "b-hash"))
        #expect(found.user == setup.engineer && found.credential.csrfToken == "csrf-b")
        let before = try await fixture.store.accessEpoch()
        try await fixture.store.endSession(idHash: "b-hash", by: .of(setup.engineer))
        #expect(try await fixture.store.session(idHash: "b-hash") == nil)
        #expect(try await fixture.store.accessEpoch() > before, "a sign-out invalidates cached sessions")
        let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.action)
        #expect(actions.suffix(2) == ["auth.login", "auth.logout"])
        #expect(try await fixture.verify().exitCode == 0)
    }

    @Test(arguments: Backend.available)
    func expiredSessionsAreNotFoundAndArePurged(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let visitor = AuditActor(name: "eve", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        _ = try await fixture.store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: "old", lifetime: -1), by: visitor)
        _ = try await fixture.store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: "new"), by: visitor)
        #expect(try await fixture.store.session(idHash: "old-hash") == nil)
        try await fixture.store.deleteExpiredSessions()
        let left = try await fixture.attacker.read { try await $0.query("SELECT id_hash FROM sessions") }.map { try $0.text("id_hash") }
        #expect(left == ["new-hash"])
    }

    @Test func aSessionSurvivesReopeningTheDatabase() async throws {
        let fixture = try await StoreFixture.make(.sqlite)
        let setup = try await fixture.populate()
        let visitor = AuditActor(name: "eve", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        _ = try await fixture.store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: "kept"), by: visitor)
        try await fixture.store.database.close()
        let reopened = SQLZonalStore(database: try SQLiteDatabase(path: fixture.sqlite.path), signingKey: fixture.key)
        #expect(try await reopened.session(idHash: "kept-hash")?.user.name == "eve")
    }

    @Test(arguments: Backend.available)
    func theAccessEpochMovesWithEveryChangeThatCanTakeAccessAwayAndOnlyThen(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        let root = AuditActor.hostOperator("root")
        let token = try await store.createToken(userID: setup.engineer.id, name: "ci", scopes: [.read], by: root)
        var epoch = try await store.accessEpoch()
        func moved(_ what: Comment) async throws {
            let now = try await store.accessEpoch()
            #expect(now > epoch, what)
            epoch = now
        }
        _ = try await store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "zonal: 1\n# 2\n", comment: "second", baseVersionID: setup.version.id), by: .of(setup.engineer))
        _ = try await store.submitForApproval(versionID: setup.version.id, by: .of(setup.assessor))
        #expect(try await store.accessEpoch() == epoch, "model saves and submissions keep caches warm")
        _ = try await store.setRole(userID: setup.engineer.id, role: .viewer, by: root)
        try await moved("a role change")
        _ = try await store.revokeToken(id: token.token.id, by: root)
        try await moved("a token revocation")
        _ = try await store.addMember(projectID: setup.project.id, userID: setup.assessor.id, by: root)
        try await moved("a new membership")
        try await fixture.tamper("DELETE FROM memberships")
        try await moved("a membership removed by hand")
    }

    @Test(arguments: Backend.available)
    func aPasswordChangeALockoutOrANewRoleEndsTheUsersSessions(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        let root = AuditActor.hostOperator("root")
        let visitor = AuditActor(name: "eve", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        func signIn(_ id: String) async throws {
            _ = try await store.recordSignIn(name: "eve", succeeded: true, policy: .standard, starting: Self.session(for: setup.engineer, id: id), by: visitor)
            #expect(try await store.session(idHash: id + "-hash") != nil)
        }
        let other = AuditActor(name: "sam", role: "none", authContext: "password", sourceAddress: "127.0.0.1")
        _ = try await store.recordSignIn(name: "sam", succeeded: true, policy: .standard, starting: Self.session(for: setup.assessor, id: "sam"), by: other)

        try await signIn("a")
        try await signIn("b")
        _ = try await store.setRole(userID: setup.engineer.id, role: .engineer, by: root)
        #expect(try await store.session(idHash: "a-hash") != nil, "setting the same role again keeps the sessions")
        var epoch = try await store.accessEpoch()
        _ = try await store.setRole(userID: setup.engineer.id, role: .viewer, by: root)
        #expect(try await store.session(idHash: "a-hash") == nil, "a new role ends every session of the user")
        #expect(try await store.session(idHash: "b-hash") == nil)
        #expect(try await store.accessEpoch() > epoch)

        try await signIn("c")
        epoch = try await store.accessEpoch()
        let changed = try await store.setPassword(userID: setup.engineer.id, passwordHash: "new-hash", by: root)
        #expect(changed.passwordHash == "new-hash" && changed.lockedUntil == nil)
        #expect(try await store.user(id: setup.engineer.id)?.passwordHash == "new-hash")
        #expect(try await store.session(idHash: "c-hash") == nil, "a new password ends every session of the user")
        #expect(try await store.accessEpoch() > epoch)

        try await signIn("d")
        let strict = LockoutPolicy(maximumFailures: 2, lockSeconds: 60)
        _ = try await store.recordSignIn(name: "eve", succeeded: false, policy: strict, starting: nil, by: visitor)
        #expect(try await store.session(idHash: "d-hash") != nil, "one failure below the limit keeps the session")
        let locked = try #require(try await store.recordSignIn(name: "eve", succeeded: false, policy: strict, starting: nil, by: visitor))
        #expect(locked.isLocked(at: Date()))
        #expect(try await store.session(idHash: "d-hash") == nil, "the lockout ends every session of the user")
        #expect(try await store.session(idHash: "sam-hash") != nil, "other users keep theirs")
        let actions = try await store.auditEntries(after: 0, limit: 1000).map(\.action)
        #expect(actions.contains("user.password.change"))
    }
}
