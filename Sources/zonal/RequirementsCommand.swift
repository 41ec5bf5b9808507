import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal requirements MODEL`: what each zone's and conduit's SL-T requires, and what meets it.
struct RequirementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requirements",
        abstract: "List the IEC 62443-3-3 requirements each zone and conduit must meet, with status and remedies.",
        discussion: """
        Examples:
          zonal requirements Examples/refinery/plant.yaml --zone sis
          zonal requirements plant.yaml --unmet --format json
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this zone (or conduit) id.", valueName: "id"))
    var zone: String?

    @Flag(help: "Only requirements that are not met.")
    var unmet = false

    @Option(help: ArgumentHelp("Output format: text, json, sarif, csv or markdown.", valueName: "format"))
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try model.load()
        if let zone, loaded.zone(zone) == nil, loaded.conduit(zone) == nil {
            Diagnostics.error("'\(zone)' is no zone or conduit of \(model.path)")
            throw ExitStatus.invalidInput
        }
        let context = AnalysisContext(model: loaded)
        func select(_ list: [TargetAssessment]) -> [TargetAssessment] {
            list.filter { zone == nil || $0.id == zone }.map { unmet ? $0.keepingStatuses { !$0.met } : $0 }
        }
        let zones = select(context.zoneAssessments), conduits = select(context.conduitAssessments)
        let destination = output.destination
        switch format {
        case .text: try destination.write(RequirementsReport.text(zones, conduits, style: destination.style))
        case .json: try destination.write(RequirementsReport.json(zones, conduits))
        case .sarif: try destination.write(SARIFReport.requirements(zones + conduits))
        case .csv: try destination.write(AssessmentCSV.requirements(zones + conduits))
        case .markdown: try destination.write(AssessmentMarkdown.requirements(zones + conduits))
        }
    }
}
