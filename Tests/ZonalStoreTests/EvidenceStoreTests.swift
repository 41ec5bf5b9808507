import Foundation
import GRDB
import Testing
@testable import ZonalStore

/// Evidence in the store, on every database: kept with its SHA-256, content-addressed, immutable, refused when
/// malformed, and audited on upload and on download in the same transaction.
struct EvidenceStoreTests {
    static func upload(_ version: ModelVersion, _ content: [UInt8], name: String = "report.pdf", target: EvidenceTarget = EvidenceTarget(kind: .zone, id: "sis")) -> EvidenceUpload {
        EvidenceUpload(versionID: version.id, target: target, originalName: name, mediaType: "application/pdf", comment: "site acceptance test", content: content)
    }

    @Test(arguments: Backend.available)
    func evidenceKeepsItsHashAndEveryUploadAndDownloadIsAudited(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let assessor = AuditActor.of(setup.assessor)
        let bytes = Array(0 ... 255 as ClosedRange<UInt8>) + [0, 0, 0]
        let stored = try await fixture.store.addEvidence(Self.upload(setup.version, bytes), by: assessor)
        #expect(stored.sha256 == Evidence.sha256(of: bytes) && stored.sha256.count == 64)
        #expect(stored.size == 259 && stored.uploadedBy == "sam" && stored.projectID == setup.project.id)
        #expect(try await fixture.store.evidence(id: stored.id) == stored)
        #expect(try await fixture.store.evidence(projectID: setup.project.id, modelName: "plant") == [stored])
        #expect(try await fixture.store.evidence(projectID: setup.project.id, modelName: "other").isEmpty)
        let (downloaded, content) = try await fixture.store.downloadEvidence(id: stored.id, by: AuditActor.of(setup.approver))
        #expect(downloaded == stored && content == bytes)
        let entries = try await fixture.store.auditEntries(after: 0, limit: 1000)
        let upload = try #require(entries.first { $0.action == "evidence.upload" })
        #expect(upload.actor == "sam" && upload.objectID == String(stored.id) && upload.payload.contains(stored.sha256) && upload.payload.contains("zone sis"))
        #expect(upload.objectHash == SQLZonalStore.stateHash(stored.canonicalState))
        let download = try #require(entries.last)
        #expect(download.action == "evidence.download" && download.actor == "otto" && download.payload.contains(stored.sha256))
        #expect(try await fixture.verify().violations.isEmpty)
        await #expect(throws: StoreError.notFound("evidence 999")) { try await fixture.store.downloadEvidence(id: 999, by: assessor) }
    }

    @Test(arguments: Backend.available)
    func theSameBytesAreStoredOnce(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let bytes = Array("the same scan".utf8)
        let first = try await fixture.store.addEvidence(Self.upload(setup.version, bytes, name: "a.pdf"), by: .of(setup.assessor))
        let second = try await fixture.store.addEvidence(Self.upload(setup.version, bytes, name: "b.pdf", target: EvidenceTarget(kind: .finding, id: "ZC-1", subject: "zone:sis")), by: .of(setup.assessor))
        #expect(first.id != second.id && first.sha256 == second.sha256)
        let count = try await fixture.attacker.read { try await $0.query("SELECT COUNT(*) AS n FROM evidence_contents") }
        #expect(try count[0].int("n") == 1)
        #expect(try await fixture.store.downloadEvidence(id: second.id, by: .of(setup.assessor)).content == bytes)
    }

    @Test(arguments: Backend.available, [
        "UPDATE evidence SET original_name = 'forged.pdf'",
        "DELETE FROM evidence",
        "UPDATE evidence_contents SET content = ?",
        "DELETE FROM evidence_contents",
    ])
    func evidenceIsImmutable(_ backend: Backend, _ sql: String) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let stored = try await fixture.store.addEvidence(Self.upload(setup.version, Array("original".utf8)), by: .of(setup.assessor))
        let arguments: [SQLValue] = sql.contains("?") ? [.blob(Array("forged".utf8))] : []
        // Refused both to the application's own connection and to one with full rights (the triggers stop the owner too).
        await #expect(throws: (any Error).self) { try await fixture.store.database.write { try await $0.execute(sql, arguments) } }
        await #expect(throws: (any Error).self) { try await fixture.tamper(sql, arguments) }
        #expect(try await fixture.store.downloadEvidence(id: stored.id, by: .of(setup.assessor)).content == Array("original".utf8))
    }

    @Test(arguments: Backend.available)
    func changedContentIsNeverHandedOut(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let stored = try await fixture.store.addEvidence(Self.upload(setup.version, Array("original".utf8)), by: .of(setup.assessor))
        switch backend {
        case .sqlite: try await fixture.tamper("DROP TRIGGER evidence_contents_immutable_update")
        case .postgresql: try await fixture.tamper("ALTER TABLE evidence_contents DISABLE TRIGGER USER")
        }
        try await fixture.tamper("UPDATE evidence_contents SET content = ?", [.blob(Array("forged".utf8))])
        await #expect(throws: StoreError.corrupt("the content of evidence \(stored.id) no longer matches its SHA-256 \(stored.sha256)")) {
            try await fixture.store.downloadEvidence(id: stored.id, by: .of(setup.assessor))
        }
        #expect(try await fixture.store.auditEntries(after: 0, limit: 1000).last?.action == "evidence.upload", "a refused download leaves no entry")
    }

    @Test(arguments: Backend.available)
    func malformedUploadsAreRefusedAndLeaveNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let before = try await fixture.store.auditEntries(after: 0, limit: 1000).count
        let bad: [EvidenceUpload] = [
            Self.upload(setup.version, []),
            Self.upload(setup.version, [1], name: "../etc/passwd"),
            Self.upload(setup.version, [1], name: ""),
            Self.upload(setup.version, [1], name: "line\nbreak.pdf"),
            EvidenceUpload(versionID: setup.version.id, target: EvidenceTarget(kind: .zone, id: "sis"), originalName: "a.pdf", mediaType: "text/html; charset=utf-8", comment: "", content: [1]),
            EvidenceUpload(versionID: setup.version.id, target: EvidenceTarget(kind: .zone, id: "sis"), originalName: "a.pdf", mediaType: "pdf", comment: "", content: [1]),
            Self.upload(setup.version, [1], target: EvidenceTarget(kind: .finding, id: "ZC-1")),
            Self.upload(setup.version, [1], target: EvidenceTarget(kind: .zone, id: "")),
            EvidenceUpload(versionID: 999, target: EvidenceTarget(kind: .zone, id: "sis"), originalName: "a.pdf", mediaType: "application/pdf", comment: "", content: [1]),
        ]
        for upload in bad {
            await #expect(throws: StoreError.self, "\(upload.originalName) \(upload.mediaType) \(upload.target)") { try await fixture.store.addEvidence(upload, by: .of(setup.assessor)) }
        }
        #expect(try await fixture.store.evidence(projectID: setup.project.id, modelName: "plant").isEmpty)
        #expect(try await fixture.store.auditEntries(after: 0, limit: 1000).count == before)
    }

    @Test(arguments: Backend.available)
    func aUsersTokensAreListedNewestFirstWithRevocations(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        let first = try await fixture.store.createToken(userID: setup.engineer.id, name: "ci", scopes: [.read], by: .of(setup.engineer))
        let second = try await fixture.store.createToken(userID: setup.engineer.id, name: "laptop", scopes: [.read, .write], by: .of(setup.engineer))
        _ = try await fixture.store.createToken(userID: setup.assessor.id, name: "other", scopes: [.read], by: .of(setup.assessor))
        _ = try await fixture.store.revokeToken(id: first.token.id, by: .of(setup.engineer))
        let tokens = try await fixture.store.tokens(userID: setup.engineer.id)
        #expect(tokens.map(\.name) == ["laptop", "ci"])
        #expect(tokens[0].revokedAt == nil && tokens[1].revokedAt != nil && tokens[0].id == second.token.id)
    }
}

/// The evidence migration upgrades a database at the previous schema version, keeping its models.
struct EvidenceMigrationTests {
    @Test func aDatabaseAtTheAuditVersionGetsEvidenceWithItsModelsKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        let content = "zonal: 1\n"
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(queue, upTo: "002-audit")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO projects (id, name, created_at, created_by) VALUES (1, 'Before', '2026-01-01T00:00:00.000Z', 'root')")
                try db.execute(sql: """
                    INSERT INTO model_versions (id, project_id, model_name, number, author, created_at, comment, content_hash, content)
                    VALUES (1, 1, 'plant', 1, 'eve', '2026-01-01T00:00:00.000Z', 'v1', ?, ?)
                    """, arguments: [ModelVersion.contentHash(of: content), content])
            }
            try queue.close()
        }
        let database = try SQLiteDatabase(path: path)
        #expect(try await database.appliedMigrations() == SQLiteMigrations.migrator.migrations)
        let key = AuditSigningKey(privateKey: .init())
        let store = SQLZonalStore(database: database, signingKey: key)
        let version = try #require(try await store.modelVersion(id: 1))
        #expect(version.content == content && version.author == "eve")
        let evidence = try await store.addEvidence(EvidenceStoreTests.upload(version, [42]), by: .hostOperator("root"))
        #expect(try await store.downloadEvidence(id: evidence.id, by: .hostOperator("root")).content == [42])
        #expect(AuditVerifier(pinnedKeys: [key.publicKey]).verify(try await store.auditSnapshot()).violations.isEmpty)
    }
}
