import ArgumentParser
import ZonalStore

/// `zonal audit`: check and export the tamper-evident audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the audit trail, save checkpoints, and prove entries.",
        discussion: """
        Exit codes: 0 verified, 1 integrity violation, 2 cannot verify (missing database, key or unreadable input).
        Keep checkpoints elsewhere (zonal audit checkpoint --out FILE); only they can expose truncation or a history
        rewritten and re-signed with the current key.
        """,
        subcommands: [AuditVerifyCommand.self, AuditCheckpointCommand.self, AuditProveCommand.self, AuditVerifyProofCommand.self, AuditRotateKeyCommand.self]
    )
}

/// Public keys given on the command line, pinned for signature checks.
struct PublicKeyOptions: ParsableArguments {
    @Option(name: .customLong("public-key"), help: ArgumentHelp("A checkpoint public key (base64), as printed by `zonal audit checkpoint`; repeatable.", valueName: "base64"))
    var publicKeys: [String] = []

    func keys() throws -> [AuditPublicKey] {
        try publicKeys.map { text in
            guard let key = AuditPublicKey(base64: text) else {
                Diagnostics.error("--public-key '\(text)' is not base64 of a 32-byte Ed25519 public key")
                throw ExitStatus.cannotVerify
            }
            return key
        }
    }
}
