import ArgumentParser
import Foundation
import ZonalAnalysis
import ZonalReports

/// `zonal report MODEL`: the assessment report an engineer hands to an asset owner, as HTML, Markdown or PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the assessment report: summary, zone & conduit diagram, SL-T/SL-A chart, findings, gaps, attack paths.",
        discussion: """
        The HTML is one self-contained file (inline CSS and SVG, no network); printing it from a browser gives a clean PDF.
        Examples:
          zonal report Examples/refinery/plant.yaml -o report.html
          zonal report plant.yaml --format markdown -o report.md
          zonal report plant.yaml --format pdf -o report.pdf      (needs headless Chromium)
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions
    @OptionGroup var document: DocumentOptions

    @Option(help: ArgumentHelp("Output format: html, markdown or pdf.", valueName: "format"))
    var format: DocumentFormat = .html

    func validate() throws { try document.validate(format: format, output: output) }

    func run() throws {
        try document.write(model, as: format, to: output, html: AssessmentReportPage.html, markdown: AssessmentReportMarkdown.markdown)
    }
}
