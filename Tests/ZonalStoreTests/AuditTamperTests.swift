import Foundation
import Testing
@testable import ZonalStore

/// The verifier tested as an attacker would test it (AUDIT.md, "Tests that make it trustworthy"): every kind of
/// rewrite is made with the guards dropped, as someone holding the database file could.
struct AuditTamperTests {
    /// A populated store and its log size.
    static func populated(_ backend: Backend = .sqlite) async throws -> (StoreFixture, Int64) {
        let fixture = try await StoreFixture.make(backend)
        let setup = try await fixture.populate()
        _ = try await fixture.store.submitForApproval(versionID: setup.version.id, by: .of(setup.assessor))
        _ = try await fixture.store.decide(versionID: setup.version.id, decision: .approve, contentHash: setup.version.contentHash, comment: "ok", by: .of(setup.approver))
        let size = try await fixture.verify().size
        return (fixture, size)
    }

    @Test(arguments: Backend.available)
    func anUntouchedLogVerifies(_ backend: Backend) async throws {
        let (fixture, size) = try await Self.populated(backend)
        let report = try await fixture.verify()
        #expect(report.exitCode == 0, "\(report.violations)")
        #expect(report.size == size && size == 9)
        #expect(report.checkpointsChecked == 9)
        #expect(report.warnings.isEmpty)
        #expect(try await fixture.store.auditEntries(after: 0, limit: 100).map(\.action) == [
            "audit.key.register", "user.create", "user.create", "user.create", "user.create", "project.create", "model.version.create", "approval.submit", "approval.approve",
        ])
    }

    /// Flipping one bit of any stored column of any row makes verification fail and name that row's seq; putting the
    /// byte back makes it pass again (so the failure was caused by that bit and nothing else).
    @Test(arguments: Backend.available, ["seq"] + AuditEntry.columns + ["leaf_hash"])
    func aFlippedBitInAnyColumnOfAnyRowNamesTheSeq(_ backend: Backend, _ column: String) async throws {
        let (fixture, size) = try await Self.populated(backend)
        try await fixture.dropGuards()
        var generator = SeededGenerator(seed: UInt64(column.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for seq in 1 ... size {
            if column == "seq" {
                // A high bit, so the new value cannot collide with another row's key.
                try await fixture.tamper("UPDATE audit_entries SET seq = ? WHERE seq = ?", [.integer(seq ^ (1 << 20)), .integer(seq)])
                let report = try await fixture.verify()
                #expect(report.exitCode == 1 && report.firstViolation?.seq == seq, "seq \(seq): \(report.violations)")
                try await fixture.tamper("UPDATE audit_entries SET seq = ? WHERE seq = ?", [.integer(seq), .integer(seq ^ (1 << 20))])
            } else {
                let rows = try await fixture.store.database.read { try await $0.query("SELECT \(column) AS value FROM audit_entries WHERE seq = ?", [.integer(seq)]) }
                let original = try #require(rows.first?["value"])
                var bytes = try #require(original.bytes)
                let changed: SQLValue
                if case .text = original {
                    // PostgreSQL's text holds only valid UTF-8 without NUL: flip a low bit of an ASCII byte (never to 0).
                    if bytes.isEmpty { bytes = [0x41] } else {
                        let index = Int.random(in: 0 ..< bytes.count, using: &generator)
                        var bit = UInt8.random(in: 0 ... 6, using: &generator)
                        if bytes[index] ^ (1 << bit) == 0 { bit = (bit + 1) % 7 }
                        bytes[index] ^= 1 << bit
                    }
                    changed = backend == .sqlite ? .blob(bytes) : .text(String(decoding: bytes, as: UTF8.self))
                } else {
                    if bytes.isEmpty { bytes = [0] } else {
                        bytes[Int.random(in: 0 ..< bytes.count, using: &generator)] ^= 1 << UInt8.random(in: 0 ... 7, using: &generator)
                    }
                    changed = .blob(bytes)
                }
                try await fixture.tamper("UPDATE audit_entries SET \(column) = ? WHERE seq = ?", [changed, .integer(seq)])
                let report = try await fixture.verify()
                #expect(report.exitCode == 1 && report.firstViolation?.seq == seq, "seq \(seq): \(report.violations)")
                try await fixture.tamper("UPDATE audit_entries SET \(column) = ? WHERE seq = ?", [original, .integer(seq)])
            }
            #expect(try await fixture.verify().violations.isEmpty, "restoring seq \(seq) restores the log")
        }
    }

    @Test(arguments: Backend.available)
    func aDeletedRowIsNamed(_ backend: Backend) async throws {
        let (fixture, _) = try await Self.populated(backend)
        try await fixture.dropGuards()
        try await fixture.tamper("DELETE FROM audit_entries WHERE seq = 4")
        let report = try await fixture.verify()
        #expect(report.exitCode == 1)
        #expect(report.firstViolation?.seq == 4)
        #expect(report.firstViolation?.reason.contains("missing") == true)
    }

    @Test(arguments: Backend.available)
    func reorderedRowsAreDetected(_ backend: Backend) async throws {
        let (fixture, _) = try await Self.populated(backend)
        try await fixture.dropGuards()
        // Swap the contents of entries 3 and 6 while each keeps its seq.
        try await fixture.tamper("UPDATE audit_entries SET seq = -3 WHERE seq = 3")
        try await fixture.tamper("UPDATE audit_entries SET seq = 3 WHERE seq = 6")
        try await fixture.tamper("UPDATE audit_entries SET seq = 6 WHERE seq = -3")
        let report = try await fixture.verify()
        #expect(report.exitCode == 1)
        #expect(report.firstViolation?.seq == 3)
    }

    @Test(arguments: Backend.available)
    func aDuplicatedRowIsDetected(_ backend: Backend) async throws {
        let (fixture, size) = try await Self.populated(backend)
        try await fixture.dropGuards()
        try await fixture.tamper("""
            INSERT INTO audit_entries SELECT \(size + 1), timestamp, actor, actor_role, auth_context, source_address, action, object_type, object_id, object_hash, result, payload, leaf_hash
            FROM audit_entries WHERE seq = 5
            """)
        let report = try await fixture.verify()
        #expect(report.exitCode == 1)
        #expect(report.firstViolation?.seq == size + 1)
    }

    @Test(arguments: Backend.available)
    func anAppendedEntryWithAConsistentLeafButNoCheckpointIsDetected(_ backend: Backend) async throws {
        let (fixture, size) = try await Self.populated(backend)
        let entry = try #require(try await fixture.store.auditEntries(after: 4, limit: 1).first)
        let forgedSeq = size + 1
        let leaf = AuditEntry.leafHash(seq: forgedSeq, fields: entry.fieldBytes)
        try await fixture.tamper("INSERT INTO audit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [.integer(forgedSeq)] + entry.fieldBytes.map { .text(String(decoding: $0, as: UTF8.self)) } + [.blob(leaf)])
        let report = try await fixture.verify()
        #expect(report.exitCode == 1)
        #expect(report.firstViolation?.seq == forgedSeq)
    }

    /// Truncating the tail (entries and their checkpoints) is invisible to the log alone, and the verifier must not
    /// claim otherwise; a checkpoint kept elsewhere exposes it.
    @Test(arguments: Backend.available)
    func truncationIsDetectedOnlyWithATrustedCheckpoint(_ backend: Backend) async throws {
        let (fixture, size) = try await Self.populated(backend)
        let kept = try await fixture.latestCheckpoint()
        #expect(kept.size == size)
        try await fixture.dropGuards()
        try await fixture.tamper("DELETE FROM audit_entries WHERE seq > ?", [.integer(size - 3)])
        try await fixture.tamper("DELETE FROM audit_checkpoints WHERE size > ?", [.integer(size - 3)])
        let alone = try await fixture.verify()
        #expect(alone.violations.isEmpty, "without a trusted checkpoint a clean truncation cannot be seen")
        #expect(alone.warnings.contains { $0.contains("guard missing") })
        let withTrusted = try await fixture.verify(trusted: [kept])
        #expect(withTrusted.exitCode == 1)
        #expect(withTrusted.firstViolation?.seq == size - 2)
        #expect(withTrusted.firstViolation?.reason.contains("truncated") == true)
    }

    /// The forger holds the signing key: rewrites entry 3, recomputes every leaf, and re-signs every checkpoint. The log
    /// is self-consistent, so only a checkpoint saved before the rewrite can expose it.
    @Test(arguments: Backend.available)
    func aForgedHistoryResignedWithTheCurrentKeyFailsAgainstAnOlderCheckpoint(_ backend: Backend) async throws {
        let (fixture, size) = try await Self.populated(backend)
        let older = try await fixture.latestCheckpoint()
        try await fixture.dropGuards()
        try await fixture.tamper("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 3")
        let snapshot = try await fixture.store.auditSnapshot()
        var frontier = MerkleFrontier()
        try await fixture.tamper("DELETE FROM audit_checkpoints")
        for row in snapshot.rows {
            guard case let .integer(seq) = row.seq else { continue }
            let leaf = AuditEntry.leafHash(seq: seq, fields: row.fields.map { $0.bytes! })
            try await fixture.tamper("UPDATE audit_entries SET leaf_hash = ? WHERE seq = ?", [.blob(leaf), .integer(seq)])
            frontier.append(leafHash: leaf)
            let note = try Checkpoint.signed(origin: snapshot.origin, size: seq, root: frontier.root, key: fixture.key).note
            try await fixture.tamper("INSERT INTO audit_checkpoints (size, note) VALUES (?, ?)", [.integer(seq), .text(note)])
        }
        #expect(frontier.size == size)
        let alone = try await fixture.verify()
        #expect(alone.violations.isEmpty, "a re-signed forgery is self-consistent; that is why checkpoints are kept elsewhere")
        let report = try await fixture.verify(trusted: [older])
        #expect(report.exitCode == 1)
        #expect(report.violations.contains { $0.reason.contains("differs from the trusted checkpoint") })
    }

    @Test(arguments: Backend.available)
    func checkpointsSignedByAnUnpinnedKeyAreRejected(_ backend: Backend) async throws {
        let (fixture, _) = try await Self.populated(backend)
        let stranger = AuditSigningKey(privateKey: .init())
        let report = AuditVerifier(pinnedKeys: [stranger.publicKey]).verify(try await fixture.store.auditSnapshot())
        #expect(report.exitCode == 1)
        #expect(report.firstViolation?.reason.contains("no valid signature") == true)
        let unpinned = try await fixture.verify(pinned: false)
        #expect(unpinned.exitCode == 0)
        #expect(unpinned.warnings.contains { $0.contains("no public key pinned") })
    }

    @Test func aTrustedCheckpointOfAnotherLogCannotVerify() async throws {
        let (fixture, _) = try await Self.populated()
        let (other, _) = try await Self.populated()
        let foreign = try await other.latestCheckpoint()
        let report = AuditVerifier(pinnedKeys: [fixture.key.publicKey, other.key.publicKey], trustedCheckpoints: [foreign]).verify(try await fixture.store.auditSnapshot())
        #expect(report.exitCode == 2)
    }

    @Test func generatedProofsVerifyForRandomLogs() async throws {
        var generator = SeededGenerator(seed: 62443)
        for _ in 0 ..< 3 {
            let fixture = try await StoreFixture.make()
            let count = Int.random(in: 1 ... 25, using: &generator)
            for index in 0 ..< count {
                _ = try await fixture.store.record(AuditEvent(action: "test.event", objectID: String(index), payload: ["n": String(Int.random(in: 0 ... 1000, using: &generator))]), by: .hostOperator("t"))
            }
            let snapshot = try await fixture.store.auditSnapshot()
            let checkpoint = try await fixture.latestCheckpoint()
            for seq in 1 ... Int64(snapshot.rows.count) {
                let proof = try AuditProofs.inclusion(seq: seq, snapshot: snapshot)
                #expect(try proof.verify(against: checkpoint, keys: [fixture.key.publicKey]) == nil)
                var forged = proof
                let e = proof.entry
                forged.entry = AuditEntry(seq: e.seq, timestamp: e.timestamp, actor: "mallory", actorRole: e.actorRole, authContext: e.authContext, sourceAddress: e.sourceAddress,
                                          action: e.action, objectType: e.objectType, objectID: e.objectID, objectHash: e.objectHash, result: e.result, payload: e.payload, leafHash: e.leafHash)
                #expect(try forged.verify(against: checkpoint, keys: [fixture.key.publicKey]) != nil)
            }
        }
    }
}

extension StoreFixture {
    func latestCheckpoint() async throws -> Checkpoint {
        let snapshot = try await store.auditSnapshot()
        return try Checkpoint.parse(try #require(snapshot.checkpoints.last).note)
    }
}

/// SplitMix64, so property tests are random but repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
