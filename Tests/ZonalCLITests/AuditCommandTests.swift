import Foundation
import XCTest
import ZonalTestSupport
@testable import ZonalStore

/// `zonal users add` and `zonal audit …` run as an operator would, with their exit codes.
final class AuditCommandTests: XCTestCase {
    var directory = ""
    var database: String { directory + "/zonal.sqlite" }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-audit-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Runs zonal with `input` on standard input and no audit key in the environment.
    func zonal(_ arguments: [String], input: String = "") throws -> ZonalCommandTests.Run {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: AuditSigningKey.environmentVariable)
        environment["USER"] = "operator"
        return try ProgramRun.run(ZonalCommandTests.executable, arguments, in: URL(fileURLWithPath: directory), environment: environment, input: input)
    }

    func addUsers() throws {
        XCTAssertEqual(try zonal(["users", "add", "ada", "--role", "admin", "--password-stdin", "--database", database], input: "correct horse battery\n").status, 0)
        XCTAssertEqual(try zonal(["users", "add", "eve", "--role", "engineer", "--password-stdin", "--database", database], input: "another good one\n").status, 0)
    }

    /// Tampers with the database as someone holding the file would.
    func tamper(_ statements: [String]) async throws {
        let raw = try SQLiteDatabase(path: database)
        for sql in statements {
            try await raw.write { try await $0.execute(sql, []) }
        }
        try await raw.close()
    }

    func testUsersAddCreatesAKeyFileAndRefusesBadPasswords() throws {
        try addUsers()
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/zonal-audit.key")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let short = try zonal(["users", "add", "bob", "--role", "viewer", "--password-stdin", "--database", database], input: "short\n")
        XCTAssertEqual(short.status, 2)
        XCTAssertTrue(short.stderr.contains("at least 8 characters"), short.stderr)
        let again = try zonal(["users", "add", "ada", "--role", "viewer", "--password-stdin", "--database", database], input: "correct horse battery\n")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        let badRole = try zonal(["users", "add", "bob", "--role", "root", "--password-stdin", "--database", database], input: "correct horse battery\n")
        XCTAssertEqual(badRole.status, 64)
    }

    func testUsersDisableEnableAndSetPasswordChangeTheStoreAndAreAudited() async throws {
        try addUsers()
        let disabled = try zonal(["users", "disable", "eve", "--database", database])
        XCTAssertEqual(disabled.status, 0, disabled.stderr)
        XCTAssertEqual(disabled.stdout, "disabled user eve\n")
        let again = try zonal(["users", "disable", "eve", "--database", database])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already disabled"), again.stderr)
        let lastAdmin = try zonal(["users", "disable", "ada", "--database", database])
        XCTAssertEqual(lastAdmin.status, 2)
        XCTAssertTrue(lastAdmin.stderr.contains("'ada' is the last enabled admin"), lastAdmin.stderr)
        let nobody = try zonal(["users", "enable", "nobody", "--database", database])
        XCTAssertEqual(nobody.status, 2)
        XCTAssertTrue(nobody.stderr.contains("user 'nobody' does not exist"), nobody.stderr)
        XCTAssertEqual(try zonal(["users", "enable", "eve", "--database", database]).status, 0)

        let short = try zonal(["users", "set-password", "eve", "--password-stdin", "--database", database], input: "short\n")
        XCTAssertEqual(short.status, 2)
        XCTAssertTrue(short.stderr.contains("at least 8 characters"), "the policy of `users add`: \(short.stderr)")
        let set = try zonal(["users", "set-password", "eve", "--password-stdin", "--database", database], input: "a fresh password\n")
        XCTAssertEqual(set.status, 0, set.stderr)

        let store = SQLZonalStore(database: try SQLiteDatabase(path: database), signingKey: AuditSigningKey(privateKey: .init()))
        let eve = try await store.user(named: "eve")
        XCTAssertEqual(eve?.isDisabled, false)
        XCTAssertTrue(PasswordHasher.verify("a fresh password", against: eve?.passwordHash ?? ""))
        let entries = try await store.auditEntries(after: 0, limit: 100).filter { $0.actor == "operator" && $0.objectID == "eve" }
        XCTAssertEqual(entries.map(\.action), ["user.create", "user.disable", "user.enable", "user.password.change"])
        try await store.database.close()
        XCTAssertEqual(try zonal(["audit", "verify", "--database", database, "--no-record"]).status, 0)
    }

    func testVerifyPassesThenNamesTheTamperedSeq() async throws {
        try addUsers()
        let clean = try zonal(["audit", "verify", "--database", database])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("verified"))
        try await tamper(["DROP TRIGGER audit_entries_no_update", "UPDATE audit_entries SET actor = 'mallory' WHERE seq = 2"])
        let broken = try zonal(["audit", "verify", "--database", database, "--no-record"])
        XCTAssertEqual(broken.status, 1, broken.stdout + broken.stderr)
        XCTAssertTrue(broken.stdout.contains("FAILED at seq 2"), broken.stdout)
        XCTAssertTrue(broken.stdout.contains("guard missing: trigger audit_entries_no_update"), broken.stdout)
        let json = try zonal(["audit", "verify", "--database", database, "--no-record", "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["status"] as? String, "violation")
    }

    func testVerifyCannotVerifyWithoutADatabase() throws {
        let missing = try zonal(["audit", "verify", "--database", directory + "/nothing.sqlite"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no database"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/nothing.sqlite"), "verify must not create a database")
    }

    func testATruncatedLogFailsAgainstASavedCheckpoint() async throws {
        try addUsers()
        XCTAssertEqual(try zonal(["audit", "checkpoint", "--database", database, "--out", directory + "/kept.checkpoint"]).status, 0)
        let size = try XCTUnwrap(Int(try String(contentsOfFile: directory + "/kept.checkpoint", encoding: .utf8).split(separator: "\n")[1]))
        try await tamper(SQLiteAuditGuards.triggers.map { "DROP TRIGGER \($0.name)" } + ["DELETE FROM audit_entries WHERE seq > 2", "DELETE FROM audit_checkpoints WHERE size > 2"])
        let alone = try zonal(["audit", "verify", "--database", database, "--no-record"])
        XCTAssertEqual(alone.status, 0, "a clean truncation is invisible without a kept checkpoint: \(alone.stdout)")
        let kept = try zonal(["audit", "verify", "--database", database, "--no-record", "--trusted-checkpoint", directory + "/kept.checkpoint"])
        XCTAssertEqual(kept.status, 1, kept.stdout)
        XCTAssertTrue(kept.stdout.contains("FAILED at seq 3"), kept.stdout)
        XCTAssertTrue(kept.stdout.contains("has \(size)"), kept.stdout)
    }

    func testProofsVerifyWithoutTheDatabaseAndChangedEntriesDoNot() throws {
        try addUsers()
        let checkpoint = try zonal(["audit", "checkpoint", "--database", database, "--out", directory + "/kept.checkpoint"])
        let publicKey = try XCTUnwrap(checkpoint.stderr.components(separatedBy: "public key: ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        let size = String(try String(contentsOfFile: directory + "/kept.checkpoint", encoding: .utf8).split(separator: "\n")[1])
        XCTAssertEqual(try zonal(["audit", "prove", "--database", database, "--seq", "2", "--tree-size", size, "-o", directory + "/p.json"]).status, 0)
        let good = try zonal(["audit", "verify-proof", directory + "/p.json", "--public-key", publicKey, "--checkpoint", directory + "/kept.checkpoint"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("entry 2 (user.create by operator"), good.stdout)
        let text = try String(contentsOfFile: directory + "/p.json", encoding: .utf8)
        try text.replacingOccurrences(of: "\"actor\" : \"operator\"", with: "\"actor\" : \"mallory\"").write(toFile: directory + "/forged.json", atomically: true, encoding: .utf8)
        let forged = try zonal(["audit", "verify-proof", directory + "/forged.json", "--public-key", publicKey])
        XCTAssertEqual(forged.status, 1)
        XCTAssertTrue(forged.stderr.contains("NOT proven"), forged.stderr)
        let stranger = AuditSigningKey(privateKey: .init()).publicKey.base64
        XCTAssertEqual(try zonal(["audit", "verify-proof", directory + "/p.json", "--public-key", stranger]).status, 1)
        try "not json".write(toFile: directory + "/junk.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(try zonal(["audit", "verify-proof", directory + "/junk.json", "--public-key", publicKey]).status, 2)
        XCTAssertEqual(try zonal(["audit", "prove", "--database", database, "--seq", "999"]).status, 2)
    }

    func testVerifyFollowsAKeyRotationButNotAStrayKey() throws {
        try addUsers()
        let first = try AuditSigningKey.load(file: directory + "/zonal-audit.key", environment: [:], createIfMissing: false)
        let rotated = try zonal(["audit", "rotate-key", "--database", database, "--new-key", directory + "/next.key"])
        XCTAssertEqual(rotated.status, 0, rotated.stderr)
        XCTAssertTrue(rotated.stdout.contains("rotated at seq"), rotated.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/next.key")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try zonal(["users", "add", "sam", "--role", "assessor", "--password-stdin", "--database", database, "--audit-key", directory + "/next.key"], input: "assessor password\n").status, 0)
        // Pinning only the first key: the endorsed successor is followed.
        let verified = try zonal(["audit", "verify", "--database", database, "--no-record", "--audit-key", directory + "/absent.key", "--public-key", first.publicKey.base64])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        let again = try zonal(["audit", "rotate-key", "--database", database, "--audit-key", directory + "/next.key", "--new-key", directory + "/next.key"])
        XCTAssertEqual(again.status, 2, "rotating to the current key is refused")
        // A key nobody endorsed breaks verification against the first key.
        XCTAssertEqual(try zonal(["users", "add", "otto", "--role", "approver", "--password-stdin", "--database", database, "--audit-key", directory + "/stray.key"], input: "approver password\n").status, 0)
        let stray = try zonal(["audit", "verify", "--database", database, "--no-record", "--audit-key", directory + "/absent.key", "--public-key", first.publicKey.base64])
        XCTAssertEqual(stray.status, 1, stray.stdout)
    }
}
