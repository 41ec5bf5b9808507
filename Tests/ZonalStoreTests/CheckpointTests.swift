import Crypto
import Foundation
import Testing
@testable import ZonalStore

struct CheckpointTests {
    let key = AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey())
    let root = MerkleHash.leaf([1, 2, 3])

    @Test func aSignedNoteRoundTripsAndVerifies() throws {
        let checkpoint = try Checkpoint.signed(origin: "zonal.audit/test", size: 42, root: root, key: key)
        #expect(checkpoint.note.hasPrefix("zonal.audit/test\n42\n\(Data(root).base64EncodedString())\n\n\u{2014} zonal.audit/test "))
        let parsed = try Checkpoint.parse(checkpoint.note)
        #expect(parsed == checkpoint)
        #expect(parsed.isSigned(byAnyOf: [key.publicKey]))
        #expect(!parsed.isSigned(byAnyOf: [AuditSigningKey(privateKey: .init()).publicKey]))
    }

    @Test func changingTheSizeOrRootBreaksTheSignature() throws {
        let checkpoint = try Checkpoint.signed(origin: "zonal.audit/test", size: 42, root: root, key: key)
        let resized = try Checkpoint.parse(checkpoint.note.replacingOccurrences(of: "\n42\n", with: "\n41\n"))
        #expect(!resized.isSigned(byAnyOf: [key.publicKey]))
        let rerooted = Checkpoint(origin: checkpoint.origin, size: 42, root: MerkleHash.leaf([9]), signatures: checkpoint.signatures)
        #expect(!rerooted.isSigned(byAnyOf: [key.publicKey]))
    }

    @Test func keyIDFollowsTheSignedNoteRule() {
        var material = Array("zonal.audit/test".utf8) + [0x0a, 0x01]
        material += Array(key.publicKey.key.rawRepresentation)
        #expect(key.keyID(name: "zonal.audit/test") == Array(SHA256.hash(data: material).prefix(4)))
    }

    @Test func malformedNotesSayWhichLine() {
        #expect(throws: CheckpointError.malformed(line: 2, "tree size 'x' is not a non-negative integer")) { try Checkpoint.parse("o\nx\nAA==\n\n\u{2014} o AA==\n") }
        #expect(throws: CheckpointError.self) { try Checkpoint.parse("no blank line") }
    }

    @Test func keyFilesMustBePrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("audit.key").path
        #expect(throws: AuditKeyError.missing(path)) { try AuditSigningKey.load(file: path, environment: [:], createIfMissing: false) }
        let created = try AuditSigningKey.load(file: path, environment: [:], createIfMissing: true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try AuditSigningKey.load(file: path, environment: [:], createIfMissing: false).publicKey == created.publicKey)
        chmod(path, 0o644)
        #expect(throws: AuditKeyError.tooOpen(path, mode: 0o644)) { try AuditSigningKey.load(file: path, environment: [:], createIfMissing: false) }
        let fromEnvironment = try AuditSigningKey.load(file: path, environment: [AuditSigningKey.environmentVariable: created.privateKey.rawRepresentation.base64EncodedString()], createIfMissing: false)
        #expect(fromEnvironment.publicKey == created.publicKey)
    }
}
