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
          zonal report plant.yaml --capture day1.pcapng --capture day2.pcap -o report.html
          zonal report plant.yaml --firewall-config fw1.rules -o report.html
          zonal report plant.yaml --firewalls -o report.html      (the rulesets named under 'firewalls:' in the model)
        Traffic and firewall findings join the model's findings, with the same evidence as 'zonal traffic' and 'zonal firewall'.
        Exit 0 on success, 2 invalid model, capture or ruleset, 3 a file cannot be read or written, 4 a capture is damaged
        (the report is still written, with the results up to the damage).
        """)

    @OptionGroup var model: ModelInput
    @OptionGroup var output: OutputOptions
    @OptionGroup var document: DocumentOptions

    @Option(help: ArgumentHelp("Output format: html, markdown or pdf.", valueName: "format"))
    var format: DocumentFormat = .html

    @Option(name: .customLong("capture"), help: ArgumentHelp("A capture or flow log whose traffic violations join the findings (repeatable; as 'zonal traffic').", valueName: "file"))
    var captures: [String] = []

    @Option(name: .customLong("firewall-config"), help: ArgumentHelp("A firewall ruleset whose conformance findings join the findings (repeatable; as 'zonal firewall').", valueName: "file"))
    var firewallConfigs: [String] = []

    @Flag(name: .customLong("firewalls"), help: "Add the findings of the rulesets named under 'firewalls:' in the model.")
    var modelFirewalls = false

    func validate() throws {
        try document.validate(format: format, output: output)
        if modelFirewalls && !firewallConfigs.isEmpty { throw ValidationError("give either --firewalls or --firewall-config, not both") }
    }

    func run() throws {
        var damaged = false
        try document.write(model, as: format, to: output, html: AssessmentReportPage.html, markdown: AssessmentReportMarkdown.markdown) { loaded in
            var more: [Finding] = []
            if !captures.isEmpty {
                let observation = try CaptureInput.read(captures, progress: true)
                damaged = !observation.damage.isEmpty
                more += TrafficAnalyzer.assess(loaded, observation: observation).findings
            }
            if modelFirewalls || !firewallConfigs.isEmpty {
                let firewalls = try FirewallInputs.rulesets(for: loaded, modelPath: model.path, configs: firewallConfigs)
                do {
                    more += try FirewallConformance.assess(loaded, firewalls: firewalls).findings
                } catch {
                    Diagnostics.error("\(error)")
                    throw ExitStatus.invalidInput
                }
            }
            return more
        }
        if damaged { throw ExitStatus.damagedInput }
    }
}
