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

    @Option(help: ArgumentHelp("Output format: text, json, sarif, csv or markdown.", valueName: "format"))
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try model.load()
        let paths = AnalysisContext(model: loaded).allAttackPaths()
        let destination = output.destination
        switch format {
        case .text: try destination.write(PathsReport.text(paths, style: destination.style))
        case .json: try destination.write(PathsReport.json(paths))
        case .sarif: try destination.write(SARIFReport.paths(paths, model: loaded))
        case .csv: try destination.write(AssessmentCSV.paths(paths))
        case .markdown: try destination.write(AssessmentMarkdown.paths(paths))
        }
    }
}
