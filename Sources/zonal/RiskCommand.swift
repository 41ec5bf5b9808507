import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal risk`: the risk assessment of IEC 62443-3-2 ZCR 2, 4 and 5, and the import of consequence worksheets.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Assess risk from the model's threat scenarios: register, derived SL-T with its trace, residual risk.",
        discussion: """
        Examples:
          zonal risk Examples/refinery/plant.yaml
          zonal risk plant.yaml --format markdown -o risk.md
          zonal risk import-worksheet cyber-pha.csv >> plant.yaml
        """,
        subcommands: [RiskAssessCommand.self, ImportWorksheetCommand.self],
        defaultSubcommand: RiskAssessCommand.self)
}

/// `zonal risk MODEL`: the register, the derivation and the ZCR 5 record; exit 1 when a residual risk is intolerable or a declared SL-T is below the derived one.
struct RiskAssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Print the risk register, the SL-T derived per zone and conduit with its trace, and the comparison with the declared SL-T.",
        discussion: """
        Exit 0 when every residual risk is tolerable and no declared SL-T is below the derived one, 1 otherwise, 2 for an invalid model.

        Examples:
          zonal risk Examples/refinery/plant.yaml
          zonal risk Examples/refinery/plant.yaml --format json
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Output format: text, json, csv (the register) or markdown.", valueName: "format"))
    var format: RiskFormat = .text

    enum RiskFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }

    func run() throws {
        let context = AnalysisContext(model: try model.load())
        guard let risk = context.risk else {
            Diagnostics.note("\(model.path) states no threat scenarios or risk criteria; add 'threat-scenarios:' (see docs/risk.md).")
            return
        }
        let destination = output.destination
        switch format {
        case .text: try destination.write(RiskReport.text(risk, style: destination.style))
        case .json: try destination.write(RiskReport.json(risk))
        case .csv: try destination.write(RiskReport.csv(risk))
        case .markdown: try destination.write(RiskReport.markdown(risk))
        }
        let intolerable = risk.scenarios.contains { !$0.residualTolerable }
        let below = (risk.zones + risk.conduits).contains { !$0.below.isEmpty }
        if intolerable || below { throw ExitStatus.findings }
    }
}
