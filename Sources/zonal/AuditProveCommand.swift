import ArgumentParser
import Foundation
import ZonalStore

/// `zonal audit prove --seq N`: an inclusion proof for one entry, as JSON.
struct AuditProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Write an inclusion proof (JSON) that entry N is in the signed log.",
        discussion: "Example:  zonal audit prove --database zonal.sqlite --seq 42 -o entry-42.proof.json")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The entry's sequence number (1-based).", valueName: "n"))
    var seq: Int64

    @Option(name: .customLong("tree-size"), help: ArgumentHelp("Prove against the checkpoint of this many entries (for example one kept off the host); default: the latest.", valueName: "n"))
    var treeSize: Int64?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let database: any SQLDatabase
        do { database = try await store.open(mustExist: true) } catch { throw ExitStatus.cannotVerify }
        let snapshot = try await SQLZonalStore(database: database, signingKey: AuditSigningKey(privateKey: .init())).auditSnapshot()
        try? await database.close()
        let proof: AuditProof
        do {
            proof = try AuditProofs.inclusion(seq: seq, treeSize: treeSize, snapshot: snapshot)
        } catch {
            Diagnostics.error("\(error.description)")
            throw ExitStatus.cannotVerify
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try CommandOutput(path: output).write(String(decoding: try encoder.encode(proof), as: UTF8.self) + "\n")
    }
}
