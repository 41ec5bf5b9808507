import ArgumentParser
import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalReports

/// `zonal check MODEL`: run every check and report the findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a model against IEC 62443-3-2/3-3 and its own flows; report findings.",
        discussion: """
        Examples:
          zonal check Examples/refinery/plant.yaml
          zonal check plant.yaml --format json --fail-on high -o findings.json
          zonal check plant.yaml --format sarif -o zonal.sarif      for code-scanning UIs
        Exit 0 when no finding is at or above --fail-on, 1 when some are, 2 when the model is invalid.
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Output format: text, json, sarif, csv or markdown.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a finding is at or above this severity: info, low, medium, high, critical.", valueName: "severity"))
    var failOn: Severity = .low

    @Flag(help: "Print parse and analysis times on standard error (used by the benchmarks).")
    var timings = false

    func run() throws {
        // CPU time as well as wall time: on a shared machine the CPU time is the steadier figure.
        let start = DispatchTime.now(), cpuStart = Self.cpuSeconds()
        let loaded = try model.load()
        let parsed = DispatchTime.now(), cpuParsed = Self.cpuSeconds()
        let assessment = Analyzer.assess(loaded)
        let analysed = DispatchTime.now(), cpuAnalysed = Self.cpuSeconds()
        let destination = output.destination
        switch format {
        case .text: try destination.write(CheckReport.text(assessment, style: destination.style))
        case .json: try destination.write(CheckReport.json(assessment))
        case .sarif: try destination.write(SARIFReport.findings(assessment))
        case .csv: try destination.write(AssessmentCSV.findings(assessment))
        case .markdown: try destination.write(AssessmentMarkdown.check(assessment))
        }
        if timings {
            Diagnostics.note("timings: parse \(Diagnostics.seconds(start, parsed)) s, analysis \(Diagnostics.seconds(parsed, analysed)) s, "
                + "cpu parse \(String(format: "%.3f", cpuParsed - cpuStart)) s, cpu analysis \(String(format: "%.3f", cpuAnalysed - cpuParsed)) s, findings \(assessment.findings.count)")
        }
        if assessment.hasFindings(atOrAbove: failOn) { throw ExitStatus.findings }
    }
}

extension CheckCommand {
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// The formats of the analysis commands: `check`, `requirements` and `paths`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, csv, markdown
}

extension Severity: ExpressibleByArgument {}
