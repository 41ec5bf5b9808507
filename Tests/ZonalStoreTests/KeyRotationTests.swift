import Crypto
import Foundation
import Testing
@testable import ZonalStore

/// Rotating the checkpoint signing key: a verifier that pins the first key follows endorsed rotations, and trusts no
/// key that a trusted key did not endorse.
struct KeyRotationTests {
    static func newKey() -> AuditSigningKey { AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey()) }

    @Test(arguments: Backend.available)
    func aRotatedLogVerifiesAgainstTheFirstKeyAlone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        _ = try await fixture.populate()
        let next = Self.newKey()
        let entry = try await fixture.store.rotateSigningKey(to: next, by: .hostOperator("root"))
        #expect(entry.action == KeyRotation.action)
        let rotated = SQLZonalStore(database: fixture.store.database, signingKey: next)
        _ = try await rotated.createProject(name: "After rotation", by: .hostOperator("root"))
        let snapshot = try await rotated.auditSnapshot()
        #expect(!snapshot.rows.contains { $0.fields[5] == .text("audit.key.register") && $0.fields[7] == .text(next.keyID(name: snapshot.origin).hexString) },
                "the rotated-to key needs no second registration")
        let report = AuditVerifier(pinnedKeys: [fixture.key.publicKey]).verify(snapshot)
        #expect(report.exitCode == 0, "\(report.violations)")
        #expect(report.checkpointsChecked == snapshot.checkpoints.count)
        // The new key alone cannot vouch for what the old key signed.
        #expect(AuditVerifier(pinnedKeys: [next.publicKey]).verify(snapshot).exitCode == 1)
        await #expect(throws: StoreError.self, "a key that already signed cannot be rotated to") {
            try await rotated.rotateSigningKey(to: next, by: .hostOperator("root"))
        }
    }

    @Test(arguments: Backend.available)
    func aKeyNoTrustedKeyEndorsedIsNotTrusted(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        _ = try await fixture.populate()
        // A server started with a stray key registers it, but nothing trusted endorsed it.
        let stray = Self.newKey()
        let strayStore = SQLZonalStore(database: fixture.store.database, signingKey: stray)
        _ = try await strayStore.createProject(name: "Signed by a stray key", by: .hostOperator("root"))
        var report = try await fixture.verify()
        #expect(report.exitCode == 1)
        #expect(report.violations.contains { $0.reason.contains("no valid signature from a trusted key") })
        // A forger holding the stray key endorses yet another key: still not trusted.
        _ = try await strayStore.rotateSigningKey(to: Self.newKey(), by: .hostOperator("mallory"))
        report = try await fixture.verify()
        #expect(report.exitCode == 1)
    }

    @Test func anEndorsementNamesItsLogAndItsKey() throws {
        let old = Self.newKey()
        let next = Self.newKey()
        let event = try KeyRotation.event(origin: "zonal.audit/a", from: old, to: next)
        let row = { (origin: String, payload: String) in
            AuditSnapshot.Row(seq: .integer(1), fields: ["t", "a", "r", "c", "s", .text(KeyRotation.action), "audit-key", "i", "h", "success", .text(payload)], leafHash: .null)
        }
        #expect(KeyRotation.trustedChain(from: [old.publicKey], rows: [row("zonal.audit/a", event.payloadJSON)], origin: "zonal.audit/a") == [old.publicKey, next.publicKey])
        #expect(KeyRotation.trustedChain(from: [old.publicKey], rows: [row("zonal.audit/b", event.payloadJSON)], origin: "zonal.audit/b") == [old.publicKey],
                "an endorsement made for another log does not carry over")
        let swapped = event.payloadJSON.replacingOccurrences(of: next.publicKey.base64, with: Self.newKey().publicKey.base64)
        #expect(KeyRotation.trustedChain(from: [old.publicKey], rows: [row("zonal.audit/a", swapped)], origin: "zonal.audit/a") == [old.publicKey],
                "the endorsement covers the key it names")
    }
}
