import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal crs MODEL`: the cybersecurity requirements specification IEC 62443-3-2 ZCR 6 asks for.
struct CRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crs",
        abstract: "Write the cybersecurity requirements specification (IEC 62443-3-2 ZCR 6) of a model.",
        discussion: """
        For the system and for each zone and conduit: description, drawing, accountable organisation, boundary, safety
        designation, access points, data flows, connections, assets, SL-T, applicable requirements, assumptions and external
        dependencies; then operating environment, threat environment, security policies, tolerable risk and regulations.
        What the model does not state is shown as "not stated" (see docs/model.md for the keys).
        Examples:
          zonal crs Examples/water-utility/plant.yaml -o crs.html
          zonal crs plant.yaml --format markdown -o crs.md
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions
    @OptionGroup var document: DocumentOptions

    @Option(help: ArgumentHelp("Output format: html, markdown or pdf.", valueName: "format"))
    var format: DocumentFormat = .html

    func validate() throws { try document.validate(format: format, output: output) }

    func run() throws {
        try document.write(model, as: format, to: output, html: RequirementsSpecificationPage.html,
                           markdown: RequirementsSpecificationMarkdown.markdown)
    }
}
