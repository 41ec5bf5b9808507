import ArgumentParser
import ZonalFirewall
import ZonalModel
import ZonalReports

/// `zonal firewall query CONFIG --from A --to B`: which rule decides traffic between two addresses or networks, and why.
struct FirewallQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Show which rule of a ruleset decides traffic from one address or network to another, and the jumps that led there.",
        discussion: """
        Examples:
          zonal firewall query fw1.rules --from 10.100.0.5 --to 10.10.1.0/24 --port 502 --protocol tcp
          zonal firewall query ruleset.json --from 10.20.0.0/24 --to 10.10.2.7 --format json
        """)

    @Argument(help: ArgumentHelp("The ruleset (iptables-save, nft JSON or text, ASA, FortiGate or OPNsense/pfSense config).", valueName: "config"))
    var config: String

    @Option(help: ArgumentHelp("Source address, network (10.1.0.0/24) or range (a-b).", valueName: "address"))
    var from: String

    @Option(help: ArgumentHelp("Destination address, network or range.", valueName: "address"))
    var to: String

    @Option(help: ArgumentHelp("Destination port (default: all).", valueName: "port"))
    var port: Int?

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol name or number: tcp, udp, icmp, … (default: all).", valueName: "protocol"))
    var proto: String?

    @Option(name: .customLong("in"), help: ArgumentHelp("Interface the traffic arrives on (default: any).", valueName: "interface"))
    var inInterface: String?

    @Option(name: .customLong("out"), help: ArgumentHelp("Interface the traffic leaves by (default: any).", valueName: "interface"))
    var outInterface: String?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: QueryFormat = .text

    enum QueryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if AddressRange.parse(from) == nil { throw ValidationError("--from '\(from)' is not an address, network or range") }
        if AddressRange.parse(to) == nil { throw ValidationError("--to '\(to)' is not an address, network or range") }
        if let port, !(0...65535).contains(port) { throw ValidationError("--port takes 0-65535") }
        if let proto, ProtocolNumbers.number(proto) == nil { throw ValidationError("--protocol '\(proto)' is not a protocol name or number") }
        if port != nil && proto == nil { throw ValidationError("--port needs --protocol (tcp, udp, …)") }
    }

    func run() throws {
        let ruleset = try FirewallInputs.read(config, format: nil)
        let evaluator: RulesetEvaluator
        do {
            evaluator = try RulesetEvaluator(ruleset, interfaceNames: [inInterface, outInterface].compactMap { $0 })
        } catch {
            Diagnostics.error("\(config): \(error)")
            throw ExitStatus.invalidInput
        }
        var conditions: [RuleCondition] = [.addresses(.source, [AddressRange.parse(from)!], negated: false),
                                           .addresses(.destination, [AddressRange.parse(to)!], negated: false), .states([.new])]
        if let proto { conditions.append(.values(.proto, [ProtocolNumbers.number(proto)!...ProtocolNumbers.number(proto)!], negated: false)) }
        if let port { conditions.append(.values(.destinationPort, [port...port], negated: false)) }
        if let inInterface { conditions.append(.interfaces(.inInterface, [inInterface], negated: false)) }
        if let outInterface { conditions.append(.interfaces(.outInterface, [outInterface], negated: false)) }
        let answer = RulesetQuery.answer(evaluator, region: evaluator.region(conditions))
        let destination = output.destination
        switch format {
        case .text: try destination.write(RulesetQuery.text(answer, style: destination.style))
        case .json: try destination.write(RulesetQuery.json(answer))
        }
    }
}
