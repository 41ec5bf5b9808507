import Foundation
import Testing
@testable import ZonalStore

/// The one contract every `ZonalStore` backend must keep; each test runs on every available database.
struct StoreContractTests {
    @Test(arguments: Backend.available)
    func usersAreCreatedOnceAndPasswordsAreNotStoredInClear(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let hash = try PasswordHasher.testing.hash("a long password")
        let user = try await fixture.store.createUser(name: "ada", role: .admin, passwordHash: hash, by: .hostOperator("root"))
        #expect(try await fixture.store.user(named: "ada") == user)
        #expect(try await fixture.store.user(id: user.id) == user)
        #expect(PasswordHasher.verify("a long password", against: user.passwordHash))
        #expect(!PasswordHasher.verify("a long passworD", against: user.passwordHash))
        #expect(!user.passwordHash.contains("a long password"))
        await #expect(throws: StoreError.duplicate("user 'ada'")) { try await fixture.store.createUser(name: "ada", role: .viewer, passwordHash: hash, by: .hostOperator("root")) }
        await #expect(throws: StoreError.self) { try await fixture.store.createUser(name: "bad name!", role: .viewer, passwordHash: hash, by: .hostOperator("root")) }
        // Neither the failed duplicate nor the bad name left an audit entry or a user behind.
        #expect(try await fixture.store.users().map(\.name) == ["ada"])
        let actions = try await fixture.store.auditEntries(after: 0, limit: 100).map(\.action)
        #expect(actions == ["audit.key.register", "user.create"])
    }

    @Test(arguments: Backend.available)
    func roleChangesAreAudited(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let changed = try await fixture.store.setRole(userID: setup.engineer.id, role: .assessor, by: .hostOperator("root"))
        #expect(changed.role == .assessor)
        let last = try #require(try await fixture.store.auditEntries(after: 0, limit: 1000).last)
        #expect(last.action == "user.role.change")
        #expect(last.payload.contains("\"from\":\"engineer\""))
    }

    @Test(arguments: Backend.available)
    func repeatedFailedSignInsLockTheAccount(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        _ = try await fixture.populate()
        let policy = LockoutPolicy(maximumFailures: 3, lockSeconds: 60)
        let visitor = AuditActor(name: "eve", role: "anonymous", authContext: "none", sourceAddress: "127.0.0.1")
        for _ in 1 ... 2 { _ = try await fixture.store.recordSignIn(name: "eve", succeeded: false, policy: policy, by: visitor) }
        #expect(try await fixture.store.user(named: "eve")?.isLocked(at: Date()) == false)
        let locked = try #require(try await fixture.store.recordSignIn(name: "eve", succeeded: false, policy: policy, by: visitor))
        #expect(locked.isLocked(at: Date()))
        #expect(!locked.isLocked(at: Date().addingTimeInterval(61)))
        #expect(try await fixture.store.recordSignIn(name: "nobody", succeeded: false, policy: policy, by: visitor) == nil)
        let failures = try await fixture.store.auditEntries(after: 0, limit: 1000).filter { $0.action == "auth.login.failed" }
        #expect(failures.count == 4)
        #expect(failures.allSatisfy { $0.result == .denied })
        let reset = try #require(try await fixture.store.recordSignIn(name: "eve", succeeded: true, policy: policy, by: visitor))
        #expect(reset.failedLogins == 0 && reset.lockedUntil == nil)
    }

    @Test(arguments: Backend.available)
    func projectsAndMembership(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        #expect(try await fixture.store.projects().map(\.name) == ["Crude Unit 1"])
        #expect(try await !fixture.store.isMember(userID: setup.engineer.id, projectID: setup.project.id))
        _ = try await fixture.store.addMember(projectID: setup.project.id, userID: setup.engineer.id, by: .hostOperator("root"))
        #expect(try await fixture.store.isMember(userID: setup.engineer.id, projectID: setup.project.id))
        #expect(try await fixture.store.members(projectID: setup.project.id).map(\.userID) == [setup.engineer.id])
        await #expect(throws: StoreError.self) { try await fixture.store.addMember(projectID: setup.project.id, userID: setup.engineer.id, by: .hostOperator("root")) }
        await #expect(throws: StoreError.notFound("project 999")) { try await fixture.store.addMember(projectID: 999, userID: setup.engineer.id, by: .hostOperator("root")) }
    }

    @Test(arguments: Backend.available)
    func versionsAreImmutableAndStaleSavesAreRefused(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let engineer = AuditActor.of(setup.engineer)
        let second = try await fixture.store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "zonal: 1\nsystem: {name: x}\n", comment: "name", baseVersionID: setup.version.id), by: engineer)
        #expect(second.number == 2)
        #expect(second.author == "eve")
        #expect(second.contentHash == ModelVersion.contentHash(of: "zonal: 1\nsystem: {name: x}\n"))
        // Someone still editing version 1 saves: refused, and their text is not stored.
        await #expect(throws: StoreError.staleBase(modelName: "plant", baseVersionID: setup.version.id, currentVersionID: second.id)) {
            try await fixture.store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "lost?", comment: "late", baseVersionID: setup.version.id), by: engineer)
        }
        await #expect(throws: StoreError.staleBase(modelName: "plant", baseVersionID: nil, currentVersionID: second.id)) {
            try await fixture.store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "new?", comment: "", baseVersionID: nil), by: engineer)
        }
        let history = try await fixture.store.modelVersions(projectID: setup.project.id, modelName: "plant")
        #expect(history.map(\.number) == [1, 2])
        #expect(history[0] == setup.version)
        #expect(try await fixture.store.latestModels(projectID: setup.project.id).map(\.id) == [second.id])
        // The database itself refuses to rewrite a version.
        await #expect(throws: (any Error).self) { try await fixture.tamper("UPDATE model_versions SET content = 'x' WHERE id = ?", [.integer(setup.version.id)]) }
    }

    @Test(arguments: Backend.available)
    func approvalFollowsFourEyesAndBindsToTheContentHash(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        let hash = setup.version.contentHash
        await #expect(throws: StoreError.self) { try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: hash, comment: "", by: .of(setup.approver)) }
        let submitted = try await store.submitForApproval(versionID: setup.version.id, by: .of(setup.assessor))
        #expect(submitted.state == .submitted && submitted.contentHash == hash)
        await #expect(throws: StoreError.self) { try await store.submitForApproval(versionID: setup.version.id, by: .of(setup.assessor)) }
        await #expect(throws: StoreError.fourEyes("eve authored version \(setup.version.id)")) {
            try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: hash, comment: "", by: .of(setup.engineer))
        }
        await #expect(throws: StoreError.fourEyes("sam submitted version \(setup.version.id)")) {
            try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: hash, comment: "", by: .of(setup.assessor))
        }
        await #expect(throws: StoreError.self) {
            try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: String(repeating: "0", count: 64), comment: "", by: .of(setup.approver))
        }
        let approved = try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: hash, comment: "reviewed against ZCR 3", by: .of(setup.approver))
        #expect(approved.state == .approved && approved.decidedBy == "otto")
        #expect(try await store.approval(versionID: setup.version.id) == approved)
        // Locked: no second decision.
        await #expect(throws: StoreError.self) { try await store.decide(versionID: setup.version.id, decision: .reject, contentHash: hash, comment: "", by: .of(setup.approver)) }
        let actions = try await store.auditEntries(after: 0, limit: 1000).map(\.action)
        #expect(actions.suffix(2) == ["approval.submit", "approval.approve"])
    }

    @Test(arguments: Backend.available)
    func tokensAreHashedScopedAndRevocable(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let issued = try await fixture.store.createToken(userID: setup.engineer.id, name: "ci", scopes: [.read], by: .of(setup.engineer))
        #expect(issued.secret.hasPrefix(TokenSecret.prefix))
        #expect(issued.token.secretHash == TokenSecret.hash(issued.secret))
        #expect(issued.token.secretHash != issued.secret)
        let found = try #require(try await fixture.store.bearer(secret: issued.secret))
        #expect(found.user.name == "eve" && found.token.scopes == [.read])
        #expect(try await fixture.store.bearer(secret: issued.secret + "x") == nil)
        let entries = try await fixture.store.auditEntries(after: 0, limit: 1000)
        #expect(!entries.contains { $0.payload.contains(issued.secret) })
        _ = try await fixture.store.revokeToken(id: issued.token.id, by: .of(setup.engineer))
        #expect(try await fixture.store.bearer(secret: issued.secret) == nil)
    }

    @Test(arguments: Backend.available)
    func concurrentWritersGetGaplessSeqAndAVerifiedLog(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let store = fixture.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0 ..< 40 {
                group.addTask { _ = try await store.record(AuditEvent(action: "test.event", objectID: String(index)), by: .hostOperator("t\(index % 4)")) }
            }
            try await group.waitForAll()
        }
        let entries = try await store.auditEntries(after: 0, limit: 1000)
        #expect(entries.map(\.seq) == Array(1 ... 41))
        let report = try await fixture.verify()
        #expect(report.exitCode == 0, "\(report.violations)")
        #expect(report.size == 41 && report.checkpointsChecked == 41)
    }
}
