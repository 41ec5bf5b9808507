import ArgumentParser
import Foundation
import ZonalModel

/// `zonal risk import-worksheet FILE.csv`: a consequence worksheet as a `threat-scenarios:` YAML fragment on standard output.
struct ImportWorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-worksheet",
        abstract: "Turn a cyber-PHA / HAZOP consequence worksheet (CSV) into threat scenarios (a YAML fragment on standard output).",
        discussion: """
        The CSV format is in docs/risk.md. Errors name the row (the header is row 1) and the column letter; exit 2 when any.

        Examples:
          zonal risk import-worksheet cyber-pha.csv
          zonal risk import-worksheet cyber-pha.csv --model plant.yaml -o scenarios.yaml
        """)

    @Argument(help: ArgumentHelp("The worksheet, CSV with a header row.", valueName: "worksheet"))
    var path: String

    @Option(help: ArgumentHelp("A model whose zones, conduits and risk criteria the rows are checked against.", valueName: "model"))
    var model: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var criteria = RiskCriteria.default
        var zones: Set<String>?
        var conduits: Set<String> = []
        if let model {
            let loaded = try ModelInput.parse([model, "--quiet-warnings"]).load()
            criteria = loaded.riskCriteria ?? .default
            zones = Set(loaded.zones.map(\.id))
            conduits = Set(loaded.conduits.map(\.id))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            Diagnostics.error("cannot read \(path): \((error as NSError).localizedDescription)")
            throw ExitStatus.fileError
        }
        do {
            let scenarios = try ConsequenceWorksheet.parse(text, file: path, criteria: criteria, zones: zones, conduits: conduits)
            let fragment = try ScenarioYAML.fragment(scenarios, criteria: criteria,
                                                     comment: "\(scenarios.count) threat scenario(s) imported from \(URL(fileURLWithPath: path).lastPathComponent) by 'zonal risk import-worksheet'")
            try output.destination.write(fragment)
        } catch let error as WorksheetImportError {
            Diagnostics.note(error.description)
            Diagnostics.note("\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s") in \(path); nothing was imported.")
            throw ExitStatus.invalidInput
        }
    }
}
