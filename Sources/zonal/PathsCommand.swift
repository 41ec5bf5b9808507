import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal paths MODEL`: the least protected attack path into each control and safety zone.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Show the least protected path from each enterprise or external zone to each control and safety zone.",
        discussion: """
        Examples:
          zonal paths Examples/refinery/plant.yaml
          zonal paths plant.yaml --format json
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: ReportFormat = .text

    func run() throws {
        let context = AnalysisContext(model: try model.load())
        let destination = output.destination
        switch format {
        case .text: try destination.write(PathsReport.text(context.attackPaths, style: destination.style))
        case .json: try destination.write(PathsReport.json(context.attackPaths))
        }
    }
}
