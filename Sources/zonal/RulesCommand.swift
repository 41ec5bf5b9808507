import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal rules`: the reference of every check.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every check with its id, clause, severity, rationale and remediation.",
        discussion: """
        Examples:
          zonal rules
          zonal rules --format markdown -o docs/rules.md
        """)

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: RulesFormat = .text

    @OptionGroup var output: OutputOptions

    enum RulesFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    func run() throws {
        let destination = output.destination
        switch format {
        case .text: try destination.write(RulesReport.text(CheckRegistry.reference, style: destination.style))
        case .json: try destination.write(RulesReport.json(CheckRegistry.reference))
        case .markdown: try destination.write(RulesReport.markdown(CheckRegistry.reference))
        }
    }
}
