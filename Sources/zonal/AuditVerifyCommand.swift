import ArgumentParser
import Foundation
import ZonalReports
import ZonalStore

/// `zonal audit verify`: recompute every leaf and checkpoint and name the first bad entry.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log and check it against its signed checkpoints and any kept elsewhere.",
        discussion: """
        Examples:
          zonal audit verify --database zonal.sqlite
          zonal audit verify --database zonal.sqlite --trusted-checkpoint ~/offsite/2026-11-01.checkpoint --public-key BASE64
        Exit 0 verified, 1 integrity violation (the first bad seq is named), 2 cannot verify.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var keys: PublicKeyOptions

    @Option(name: .customLong("trusted-checkpoint"), help: ArgumentHelp("A checkpoint file kept off the host; repeatable.", valueName: "file"))
    var trustedCheckpoints: [String] = []

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(name: .customLong("no-record"), help: "Do not append the verification run to the audit log.")
    var noRecord = false

    func run() async throws {
        let database = try await openOrCannotVerify()
        var pinned = try keys.keys()
        let signingKey = store.existingSigningKey()
        if let signingKey { pinned.append(signingKey.publicKey) }
        let trusted = try trustedCheckpoints.map(Self.readCheckpoint)
        let snapshot: AuditSnapshot
        do {
            let reader = SQLZonalStore(database: database, signingKey: signingKey ?? AuditSigningKey(privateKey: .init()))
            snapshot = try await reader.auditSnapshot()
        } catch {
            Diagnostics.error("cannot read the audit log: \(error)")
            throw ExitStatus.cannotVerify
        }
        let report = AuditVerifier(pinnedKeys: pinned, trustedCheckpoints: trusted).verify(snapshot)
        try CommandOutput(path: nil).write(format == .json ? Self.json(report) : Self.text(report, database: store.database))
        if !noRecord, let signingKey {
            let event = AuditEvent(action: "audit.verify", objectType: "audit-log", objectID: String(report.size), objectHash: report.root.hexString,
                                   result: report.exitCode == 0 ? .success : .error,
                                   payload: ["violations": String(report.violations.count), "trustedCheckpoints": String(report.trustedCheckpointsChecked)])
            _ = try? await SQLZonalStore(database: database, signingKey: signingKey).record(event, by: HostOperator.actor)
        }
        try? await database.close()
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func openOrCannotVerify() async throws -> any SQLDatabase {
        do {
            return try await store.open(mustExist: true)
        } catch {
            throw ExitStatus.cannotVerify
        }
    }

    static func readCheckpoint(_ path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            Diagnostics.error("cannot read checkpoint file \(path)")
            throw ExitStatus.cannotVerify
        }
        do {
            return try Checkpoint.parse(String(decoding: data, as: UTF8.self))
        } catch {
            Diagnostics.error("\(path): \(error)")
            throw ExitStatus.cannotVerify
        }
    }

    static func text(_ report: AuditVerification, database: String) -> String {
        var lines = [
            "audit log: \(database)",
            "entries: \(report.size)",
            "root: \(report.root.hexString)",
            "checkpoints checked: \(report.checkpointsChecked) stored, \(report.trustedCheckpointsChecked) trusted",
        ]
        lines += report.warnings.map { "warning: \($0)" }
        lines += report.blockers.map { "cannot verify: \($0)" }
        if let first = report.firstViolation {
            lines.append("FAILED" + (first.seq.map { " at seq \($0)" } ?? "") + ": \(first.reason)")
            lines += report.violations.filter { $0 != first }.map { "  also" + ($0.seq.map { " seq \($0)" } ?? "") + ": \($0.reason)" }
        } else if report.blockers.isEmpty {
            lines.append("verified")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: AuditVerification) -> String {
        let object: [String: Any] = [
            "status": report.exitCode == 0 ? "verified" : report.exitCode == 1 ? "violation" : "cannot-verify",
            "entries": report.size,
            "root": report.root.hexString,
            "checkpointsChecked": report.checkpointsChecked,
            "trustedCheckpointsChecked": report.trustedCheckpointsChecked,
            "warnings": report.warnings,
            "blockers": report.blockers,
            "violations": report.violations.map { ["seq": $0.seq.map { $0 as Any } ?? NSNull(), "reason": $0.reason] as [String: Any] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
