import ArgumentParser
import Foundation
import ZonalStore

/// `zonal audit checkpoint`: write the latest signed checkpoint for safe keeping elsewhere.
struct AuditCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Write the latest signed checkpoint (C2SP signed-note format) to keep off the host.",
        discussion: """
        Example:  zonal audit checkpoint --database zonal.sqlite --out /mnt/offsite/zonal-2026-11-26.checkpoint
        The public key that verifies it is printed on standard error.
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: [.short, .customLong("out")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() async throws {
        let database: any SQLDatabase
        do { database = try await store.open(mustExist: true) } catch { throw ExitStatus.cannotVerify }
        let key = store.existingSigningKey()
        let snapshot = try await SQLZonalStore(database: database, signingKey: key ?? AuditSigningKey(privateKey: .init())).auditSnapshot()
        guard let latest = snapshot.checkpoints.last else {
            Diagnostics.error("the audit log has no checkpoint yet: nothing has been recorded")
            throw ExitStatus.cannotVerify
        }
        try CommandOutput(path: out).write(latest.note)
        if let key { Diagnostics.note("public key: \(key.publicKey.base64)") }
        if let key, out != nil {
            _ = try? await SQLZonalStore(database: database, signingKey: key).record(AuditEvent(action: "audit.checkpoint.export", objectType: "audit-log", payload: ["file": out ?? ""]), by: HostOperator.actor)
        }
        try? await database.close()
    }
}
