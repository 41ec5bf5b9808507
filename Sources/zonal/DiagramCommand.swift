import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal diagram MODEL`: the zone & conduit diagram as SVG (Zonal's own layout), Graphviz DOT or Mermaid.
struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw the zone & conduit diagram as SVG, Graphviz DOT or Mermaid.",
        discussion: """
        SVG is laid out by Zonal (zones in rows by Purdue level, conduits labelled with enforcement and SL-T, arrows for
        one-way conduits, finding markers); DOT and Mermaid leave the layout to Graphviz or the Markdown renderer.
        Examples:
          zonal diagram Examples/refinery/plant.yaml -o zones.svg
          zonal diagram plant.yaml --format mermaid
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Output format: svg, dot or mermaid.", valueName: "format"))
    var format: DiagramFormat = .svg

    enum DiagramFormat: String, ExpressibleByArgument, CaseIterable { case svg, dot, mermaid }

    func run() throws {
        let assessment = Analyzer.assess(try model.load())
        switch format {
        case .svg: try output.destination.write(ZoneDiagram.svg(assessment))
        case .dot: try output.destination.write(ZoneDiagramDOT.dot(assessment))
        case .mermaid: try output.destination.write(ZoneDiagramMermaid.mermaid(assessment))
        }
    }
}
