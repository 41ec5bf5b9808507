import XCTest
import ZonalAnalysis
import ZonalFirewall
import ZonalModel

/// A small plant behind one firewall, and rulesets for it written as iptables-save text (rules start on line 5).
enum FirewallFixture {
    static let model = """
    zonal: 1
    system: { name: Fixture }
    zones:
      - { id: corp, name: Corporate, kind: enterprise, sl-target: 1, networks: [10.100.0.0/16] }
      - { id: dmz, name: DMZ, kind: dmz, sl-target: 2, networks: [10.20.0.0/24] }
      - { id: bpcs, name: Control, kind: control, sl-target: 2, networks: [10.10.2.0/24] }
      - { id: sis, name: Safety, kind: safety, sl-target: 3, networks: [10.10.1.0/24] }
    assets:
      - { id: historian, zone: dmz, role: historian, ip: 10.20.0.10 }
      - { id: collector, zone: bpcs, role: data-collector, ip: 10.10.2.5 }
      - { id: dcs-1, zone: bpcs, role: dcs-controller, ip: 10.10.2.10 }
      - { id: sis-ls-1, zone: sis, role: sis-logic-solver, ip: 10.10.1.10 }
    flows:
      - { id: hist-repl, from: collector, to: historian, protocol: opc-ua, port: 4840, essential: true }
      - { id: sis-status, from: dcs-1, to: sis-ls-1, protocol: modbus, port: 502, essential: true }
    conduits:
      - { id: bpcs-dmz, zones: [bpcs, dmz], direction: bpcs->dmz, enforcement: firewall, allows: [hist-repl] }
      - { id: bpcs-sis, zones: [bpcs, sis], enforcement: dpi-firewall, allows: [sis-status, { from: bpcs, to: sis, protocol: modbus, port: 502 }] }
      - { id: corp-dmz, zones: [corp, dmz], enforcement: firewall }
    firewalls:
      - { id: fw, config: fw.rules, conduits: [bpcs-dmz, bpcs-sis, corp-dmz], interfaces: { eth0: corp, eth1: dmz, eth2: bpcs, eth3: sis } }
    """

    /// The rules a correct ruleset has: replies, then exactly the two flows.
    static let good = [
        "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        "-A FORWARD -s 10.10.2.5/32 -d 10.20.0.10/32 -p tcp -m tcp --dport 4840 -j ACCEPT",
        "-A FORWARD -s 10.10.2.10/32 -d 10.10.1.10/32 -p tcp -m tcp --dport 502 -j ACCEPT",
    ]

    static func ruleset(_ rules: [String], chains: [String] = []) -> String {
        (["*filter", ":INPUT ACCEPT [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]"] + chains.map { ":\($0) - [0:0]" } + rules + ["COMMIT"])
            .joined(separator: "\n") + "\n"
    }

    static func assess(_ rules: [String], chains: [String] = [], model text: String = model) throws -> FirewallAssessment {
        let (model, _) = try ModelLoader.load(bytes: Array(text.utf8), file: "plant.yaml")
        let ruleset = try IptablesSaveReader(file: "fw.rules").read(ruleset(rules, chains: chains))
        return try FirewallConformance.assess(model, firewalls: [(model.firewalls[0], ruleset)])
    }

    static func findings(_ check: String, _ rules: [String], chains: [String] = []) throws -> [Finding] {
        try assess(rules, chains: chains).findings.filter { $0.check == check }
    }
}
