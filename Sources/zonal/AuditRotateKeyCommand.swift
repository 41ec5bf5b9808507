import ArgumentParser
import Foundation
import ZonalStore

/// `zonal audit rotate-key`: hand checkpoint signing over to a new key, endorsed by the current one.
struct AuditRotateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Replace the audit signing key: the current key endorses the new one in an audited entry.",
        discussion: """
        Example:  zonal audit rotate-key --database zonal.sqlite --new-key /etc/zonal/audit-2027.key
        The current key comes from --audit-key (or ZONAL_AUDIT_KEY); the new key file is created (mode 0600) when missing.
        Afterwards run the server with --audit-key NEW-FILE and keep the old file offline. `zonal audit verify
        --public-key OLD` follows the endorsement, so checkpoints signed by either key verify.
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("new-key"), help: ArgumentHelp("The Ed25519 key file to sign with from now on (created with mode 0600 if missing).", valueName: "file"))
    var newKey: String

    func run() async throws {
        let current = try store.signingKey(create: false)
        let next: AuditSigningKey
        do {
            // The environment names the current key; the new one comes from its file only.
            next = try AuditSigningKey.load(file: newKey, environment: [:], createIfMissing: true)
        } catch {
            Diagnostics.error(error.description)
            throw ExitStatus.fileError
        }
        guard next.publicKey != current.publicKey else {
            Diagnostics.error("\(newKey) holds the current key; give a new key file")
            throw ExitStatus.invalidInput
        }
        let database: any SQLDatabase
        do { database = try await store.open(mustExist: true) } catch { throw ExitStatus.fileError }
        do {
            let entry = try await SQLZonalStore(database: database, signingKey: current).rotateSigningKey(to: next, by: HostOperator.actor)
            try? await database.close()
            try CommandOutput(path: nil).write("""
                rotated at seq \(entry.seq): checkpoints are now signed by \(next.publicKey.base64)
                previous key: \(current.publicKey.base64) (keep it to verify older checkpoints; it endorsed the new key)
                next: run zonal with --audit-key \(newKey)
                """)
        } catch let error as StoreError {
            try? await database.close()
            Diagnostics.error(error.description)
            throw ExitStatus.invalidInput
        }
    }
}
