import Foundation
import Testing
@testable import ZonalStore

/// The change count that server caches of project data trust, and the one-snapshot read of what surrounds a version.
struct VersionSnapshotTests {
    @Test(arguments: Backend.available)
    func theChangeCountMovesWithEveryWriteAndTheSnapshotCarriesIt(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let store = fixture.store
        var last = try await store.epochs()
        #expect(last.access == (try await store.accessEpoch()))
        #expect(last.changes == (try await store.auditEntries(after: 0, limit: 10_000).last?.seq), "the change count is the audit log's size")
        func moved(_ what: String) async throws {
            let now = try await store.epochs()
            #expect(now.changes > last.changes, "\(what) moves the change count")
            #expect(try await store.snapshot(of: setup.version).changes == now.changes)
            last = now
        }
        let second = try await store.saveModel(ModelDraft(projectID: setup.project.id, modelName: "plant", content: "zonal: 1\n# two\n", comment: "second", baseVersionID: setup.version.id),
                                               by: .of(setup.engineer))
        try await moved("a model save")
        _ = try await store.addEvidence(EvidenceStoreTests.upload(setup.version, [1], name: "first.pdf"), by: .of(setup.assessor))
        _ = try await store.addEvidence(EvidenceStoreTests.upload(second, [2], name: "second.pdf"), by: .of(setup.assessor))
        try await moved("evidence")
        _ = try await store.submitForApproval(versionID: setup.version.id, by: .of(setup.assessor))
        try await moved("a submission")
        let approved = try await store.decide(versionID: setup.version.id, decision: .approve, contentHash: setup.version.contentHash, comment: "ok", by: .of(setup.approver))
        try await moved("a decision")
        #expect(last.access == (try await store.accessEpoch()), "none of these can take access away")

        let first = try await store.snapshot(of: setup.version)
        #expect(first.history.map(\.id) == [setup.version.id, second.id])
        #expect(first.evidence.map(\.originalName) == ["first.pdf"], "evidence of later versions stays off an earlier version's page")
        #expect(first.approval == approved)
        let later = try await store.snapshot(of: second)
        #expect(later.evidence.map(\.originalName) == ["first.pdf", "second.pdf"])
        #expect(later.approval == nil)
        #expect(later.history == (try await store.modelVersionListings(projectID: setup.project.id, modelName: "plant")))
    }
}
