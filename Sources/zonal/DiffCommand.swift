import ArgumentParser
import ZonalAnalysis
import ZonalReports

/// `zonal diff OLD NEW`: what changed between two versions of a model and what it does to the assessment.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a model and what the change does to the assessment.",
        discussion: """
        Objects are matched by id; findings by check, subject and message (not by line), so moving text is no change.
        Examples:
          zonal diff plant-v1.yaml plant-v2.yaml
          zonal diff main.yaml branch.yaml --format markdown -o comment.md --fail-on-new high
          git show origin/main:plant.yaml | zonal diff - plant.yaml --fail-on-new high
        Exit 0 normally; 1 with --fail-on-new when the change introduces a finding at or above that severity.
        """)

    @Argument(help: ArgumentHelp("The model before the change; '-' reads it from standard input.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The model after the change.", valueName: "new"))
    var new: String

    @Flag(name: .customLong("quiet-warnings"), help: "Do not print the models' warnings on standard error.")
    var quietWarnings = false

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on-new"), help: ArgumentHelp("Exit 1 when the change introduces a finding at or above this severity.", valueName: "severity"))
    var failOnNew: Severity?

    @OptionGroup var output: OutputOptions

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    func run() throws {
        let before = Analyzer.assess(try old == "-" ? ModelInput.loadStandardInput(quietWarnings: quietWarnings)
                                                    : ModelInput.load(path: old, quietWarnings: quietWarnings))
        let after = Analyzer.assess(try ModelInput.load(path: new, quietWarnings: quietWarnings))
        let diff = ModelDiffer.diff(old: before, new: after)
        let destination = output.destination
        switch format {
        case .text: try destination.write(DiffReport.text(diff, style: destination.style))
        case .json: try destination.write(DiffReport.json(diff))
        case .markdown: try destination.write(DiffReport.markdown(diff))
        }
        if let failOnNew, diff.introduces(atOrAbove: failOnNew) { throw ExitStatus.findings }
    }
}
