import ArgumentParser
import Foundation
import ZonalAnalysis
import ZonalFirewall
import ZonalModel
import ZonalReports

/// `zonal firewall`: read firewall rulesets, compute what they permit between zones, and hold that against the conduits.
struct FirewallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall",
        abstract: "Check firewall rulesets (iptables-save, nftables, Cisco ASA, FortiGate, OPNsense/pfSense) against the model's conduits and flows.",
        subcommands: [FirewallCheckCommand.self, FirewallQueryCommand.self, FirewallSynthesizeCommand.self],
        defaultSubcommand: FirewallCheckCommand.self)
}

/// `zonal firewall MODEL [CONFIG...]`: the zone matrix of each ruleset and the conformance findings.
struct FirewallCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compute each ruleset's zone-to-zone permissions and report where they depart from the conduits and flows.",
        discussion: """
        Examples:
          zonal firewall Examples/refinery/plant.yaml                       rulesets named under 'firewalls:' in the model
          zonal firewall plant.yaml fw1.rules --format json -o fw.json      a ruleset given here, matched to 'firewalls:' by file name
        Exit 0 when no finding is at or above --fail-on, 1 when some are, 2 when the model or a ruleset is invalid, 3 when a file cannot be read.
        """)

    @OptionGroup var model: ModelInput

    @Argument(help: ArgumentHelp("Ruleset files (iptables-save output or 'nft -j list ruleset' JSON); default: the 'config' of each firewall of the model.", valueName: "config"))
    var configs: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json, csv, markdown or sarif.", valueName: "format"))
    var format: FirewallFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a finding is at or above this severity.", valueName: "severity"))
    var failOn: Severity = .low

    @OptionGroup var output: OutputOptions

    enum FirewallFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown, sarif }

    func run() throws {
        let loaded = try model.load()
        let firewalls = try FirewallInputs.rulesets(for: loaded, modelPath: model.path, configs: configs)
        let assessment: FirewallAssessment
        do {
            assessment = try FirewallConformance.assess(loaded, firewalls: firewalls)
        } catch {
            Diagnostics.error(error.description)
            throw ExitStatus.invalidInput
        }
        let destination = output.destination
        switch format {
        case .text: try destination.write(FirewallReport.text(assessment, style: destination.style))
        case .json: try destination.write(FirewallReport.json(assessment))
        case .csv: try destination.write(FirewallReport.csv(assessment))
        case .markdown: try destination.write(FirewallReport.markdown(assessment))
        case .sarif: try destination.write(SARIFReport.findings(assessment.findings))
        }
        if assessment.hasFindings(atOrAbove: failOn) { throw ExitStatus.findings }
    }
}

/// Finds and reads the rulesets of a run: given on the command line, or named by the model's firewalls.
enum FirewallInputs {
    static func rulesets(for model: SystemModel, modelPath: String, configs: [String]) throws -> [(binding: FirewallBinding, ruleset: Ruleset)] {
        let base = URL(fileURLWithPath: modelPath).deletingLastPathComponent()
        func resolved(_ path: String) -> String {
            path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
        }
        var pairs: [(FirewallBinding, String)] = []
        if configs.isEmpty {
            pairs = model.firewalls.compactMap { binding in binding.config.map { (binding, resolved($0)) } }
            if pairs.isEmpty {
                Diagnostics.error("\(modelPath) names no firewall ruleset; give ruleset files after the model or add 'firewalls:' with 'config:' to it")
                throw ExitStatus.invalidInput
            }
        } else {
            for config in configs {
                let full = URL(fileURLWithPath: config).standardizedFileURL.path
                let name = URL(fileURLWithPath: config).lastPathComponent
                let binding = model.firewalls.first { $0.config.map(resolved) == full }
                    ?? model.firewalls.first { $0.config.map { URL(fileURLWithPath: $0).lastPathComponent } == name }
                    ?? FirewallBinding(id: name, config: config, location: SourceLocation(file: config, line: 1, column: 1))
                pairs.append((binding, config))
            }
        }
        return try pairs.map { binding, path in (binding, try read(path, format: binding.format.flatMap(Ruleset.Format.init(rawValue:)))) }
    }

    /// Reads one ruleset, or prints where it is broken and exits with 2 (invalid) or 3 (unreadable).
    static func read(_ path: String, format: Ruleset.Format?) throws -> Ruleset {
        do {
            return try RulesetReader.read(path: path, format: format)
        } catch {
            Diagnostics.note(error.description)
            throw error.location.line == 0 ? ExitStatus.fileError : ExitStatus.invalidInput
        }
    }
}
