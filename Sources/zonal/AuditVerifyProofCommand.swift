import ArgumentParser
import Foundation
import ZonalStore

/// `zonal audit verify-proof`: check an inclusion proof against a checkpoint, without the database.
struct AuditVerifyProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check an inclusion proof against a checkpoint and public key; no database needed.",
        discussion: """
        Example:  zonal audit verify-proof entry-42.proof.json --public-key BASE64 --checkpoint offsite.checkpoint
        Without --checkpoint the proof's own checkpoint is used (its signature is still checked).
        Exit 0 the entry is in the log, 1 it is not (or was changed), 2 the proof or checkpoint cannot be read.
        """)

    @Argument(help: ArgumentHelp("The proof file written by `zonal audit prove`.", valueName: "proof"))
    var proofPath: String

    @OptionGroup var keys: PublicKeyOptions

    @Option(help: ArgumentHelp("A checkpoint file kept elsewhere whose root the proof must reach.", valueName: "file"))
    var checkpoint: String?

    func run() throws {
        let publicKeys = try keys.keys()
        guard !publicKeys.isEmpty else {
            Diagnostics.error("give the checkpoint's public key with --public-key BASE64")
            throw ExitStatus.cannotVerify
        }
        guard let data = FileManager.default.contents(atPath: proofPath) else {
            Diagnostics.error("cannot read proof file \(proofPath)")
            throw ExitStatus.cannotVerify
        }
        let proof: AuditProof
        do {
            proof = try JSONDecoder().decode(AuditProof.self, from: data)
        } catch {
            Diagnostics.error("\(proofPath) is not a Zonal inclusion proof: \(error)")
            throw ExitStatus.cannotVerify
        }
        let trusted = try checkpoint.map(AuditVerifyCommand.readCheckpoint)
        let failure: String?
        do {
            failure = try proof.verify(against: trusted, keys: publicKeys)
        } catch {
            Diagnostics.error("the proof's checkpoint: \(error)")
            throw ExitStatus.cannotVerify
        }
        if let failure {
            Diagnostics.error("entry \(proof.entry.seq) NOT proven: \(failure)")
            throw ExitStatus.integrityViolation
        }
        try CommandOutput(path: nil).write("entry \(proof.entry.seq) (\(proof.entry.action) by \(proof.entry.actor) at \(proof.entry.timestamp)) is in the log of \(proof.proof.treeSize) entries\n")
    }
}
