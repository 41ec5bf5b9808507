import ArgumentParser

/// The `zonal` command: IEC 62443 zone & conduit models checked by a machine.
@main
struct Zonal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonal",
        abstract: "Check an IEC 62443 zone & conduit model against the standard and the plant's needs.",
        discussion: """
        Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 invalid model or input, 3 a file could not be read or written, 4 a capture or flow log is damaged (zonal traffic), 5 a needed external tool is missing (Chromium for PDF), 64 bad arguments.

        Start with:  zonal check Examples/refinery/plant.yaml
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, RequirementsCommand.self, PathsCommand.self, CatalogCommand.self, RulesCommand.self, SchemaCommand.self,
                      ReportCommand.self, CRSCommand.self, DiagramCommand.self, DiffCommand.self, RiskCommand.self, TrafficCommand.self,
                      FirewallCommand.self,
                      AuditCommand.self, UsersCommand.self, ServeCommand.self]
    )
}
