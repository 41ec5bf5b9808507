import ArgumentParser
import ZonalAnalysis
import ZonalFirewall
import ZonalModel

/// `zonal firewall synthesize MODEL --target nftables|iptables`: the least-privilege ruleset of the model's conduits.
struct FirewallSynthesizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Write a default-deny ruleset that permits exactly the flows the conduits allow, one commented rule per flow.",
        discussion: """
        Examples:
          zonal firewall synthesize Examples/refinery/plant.yaml --target nftables -o zonal.nft     then: nft -f zonal.nft
          zonal firewall synthesize plant.yaml --target iptables --firewall fw-bpcs                then: iptables-restore < FILE
        The result is a starting point for review, not a finished configuration.
        """)

    @OptionGroup var model: ModelInput

    @Option(help: ArgumentHelp("Ruleset language: nftables or iptables.", valueName: "target"))
    var target: Target = .nftables

    @Option(help: ArgumentHelp("Only the conduits of this firewall of the model, with its interface names.", valueName: "id"))
    var firewall: String?

    @OptionGroup var output: OutputOptions

    enum Target: String, ExpressibleByArgument, CaseIterable { case nftables, iptables }

    func run() throws {
        let loaded = try model.load()
        var binding: FirewallBinding?
        if let firewall {
            guard let found = loaded.firewalls.first(where: { $0.id == firewall }) else {
                Diagnostics.error("'\(firewall)' is no firewall of \(model.path) (known: \(loaded.firewalls.map(\.id).joined(separator: ", ")))")
                throw ExitStatus.invalidInput
            }
            binding = found
        }
        let rules = FirewallSynthesizer.rules(loaded, firewall: binding)
        let header = ["Least-privilege ruleset synthesized by Zonal from \(model.path)\(firewall.map { " for firewall \($0)" } ?? "").",
                      "Default deny; one rule per flow a conduit allows. Review before use."]
        switch target {
        case .nftables: try output.destination.write(RulesetWriter.nftables(rules, header: header))
        case .iptables: try output.destination.write(RulesetWriter.iptables(rules, header: header))
        }
    }
}
