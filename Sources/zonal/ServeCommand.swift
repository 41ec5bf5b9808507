import ArgumentParser
import ZonalServer
import ZonalStore

/// `zonal serve`: the team web application and JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the team server: projects, model versions, approvals and the audit trail, in a browser and at /api/v1.",
        discussion: """
        Examples:
          zonal users add ada --role admin && zonal serve
          zonal serve --database postgres://zonal:secret@127.0.0.1/zonal --database-admin postgres://postgres@127.0.0.1/zonal
        There is no default account: create the first admin with `zonal users add NAME --role admin`.
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on.", valueName: "port"))
    var port = 8080

    @Flag(name: .customLong("insecure-cookies"), help: "Send session cookies without the Secure flag (only for plain HTTP on a host other than localhost).")
    var insecureCookies = false

    @Option(name: .customLong("evidence-limit"), help: ArgumentHelp("Largest evidence file accepted, in MiB (1-256); larger uploads get 413.", valueName: "MiB"))
    var evidenceLimit = ZonalServer.defaultEvidenceLimit >> 20

    func validate() throws {
        guard (1 ... 256).contains(evidenceLimit) else { throw ValidationError("--evidence-limit must be 1-256 MiB, not \(evidenceLimit)") }
    }

    func run() async throws {
        let opened = try await store.openStore()
        var configuration = ZonalServer.Configuration(host: host, port: port, secureCookies: !insecureCookies)
        configuration.maximumEvidenceBytes = evidenceLimit << 20
        let server = ZonalServer(store: opened, configuration: configuration)
        Diagnostics.note("zonal: serving http://\(host):\(port) (audit public key \(try store.signingKey(create: false).publicKey.base64))")
        try await server.run()
    }
}
