import Foundation
import XCTest
import ZonalAnalysis
import ZonalFirewall
import ZonalModel

/// A ruleset synthesized from a model, loaded into the kernel: every flow a conduit allows passes, everything else is dropped,
/// and Zonal's reading of what the tools print back agrees with the kernel probe by probe.
final class SynthesizedRulesetKernelTests: XCTestCase {
    static let model = """
    zonal: 1
    system: { name: Lab }
    zones:
      - { id: a, name: A, kind: control, sl-target: 2, networks: [10.61.0.0/24] }
      - { id: b, name: B, kind: safety, sl-target: 3, networks: [10.62.0.0/24] }
    assets:
      - { id: a1, zone: a, role: hmi, ip: 10.61.0.10 }
      - { id: a2, zone: a, role: hmi, ip: 10.61.0.11 }
      - { id: b1, zone: b, role: safety-controller, ip: 10.62.0.20 }
      - { id: b2, zone: b, role: safety-controller, ip: 10.62.0.21 }
    flows:
      - { id: f1, from: a1, to: b1, transport: tcp, port: 2000, essential: true }
      - { id: f2, from: a2, to: b1, transport: udp, port: 2001 }
      - { id: f3, from: a, to: b2, transport: tcp, port: 2002 }
      - { id: f4, from: a1, to: b2, transport: tcp, port: 2003 }
    conduits:
      - id: a-b
        zones: [a, b]
        enforcement: firewall
        allows: [f1, f2, f3, { from: a2, to: b2, transport: udp, port: 2004 }]
    """

    /// What the model allows, written out by hand: (sources, destination, protocol, port).
    static let allowed: [(sources: [String], destination: String, proto: String, port: Int)] = [
        (["10.61.0.10"], "10.62.0.20", "tcp", 2000),
        (["10.61.0.11"], "10.62.0.20", "udp", 2001),
        (KernelLab.hostsA, "10.62.0.21", "tcp", 2002),
        (["10.61.0.11"], "10.62.0.21", "udp", 2004),
    ]

    func probes() -> [KernelLab.Probe] {
        var rng = SplitMix(seed: 99)
        var probes: [KernelLab.Probe] = []
        // Every allowed flow once, then random traffic around them.
        for (i, a) in Self.allowed.enumerated() {
            probes.append(.init(id: i, proto: a.proto, source: a.sources[0], sourcePort: 41000 + i, destination: a.destination, destinationPort: a.port))
        }
        let sources = ["10.61.0.10", "10.61.0.11", "10.61.0.12", "10.61.0.25"], destinations = ["10.62.0.20", "10.62.0.21", "10.62.0.22"]
        for i in probes.count..<120 {
            probes.append(.init(id: i, proto: rng.next() % 2 == 0 ? "tcp" : "udp", source: sources[Int(rng.next() % 4)], sourcePort: 42000 + i,
                                destination: destinations[Int(rng.next() % 3)], destinationPort: 2000 + Int(rng.next() % 6)))
        }
        return probes
    }

    func expected(_ probes: [KernelLab.Probe]) -> Set<Int> {
        Set(probes.filter { p in
            Self.allowed.contains { $0.sources.contains(p.source) && $0.destination == p.destination && $0.proto == p.proto && $0.port == p.destinationPort }
        }.map(\.id))
    }

    func check(target: String) throws {
        if let reason = KernelLab.unavailableReason() { throw XCTSkip(reason) }
        let (model, _) = try ModelLoader.load(bytes: Array(Self.model.utf8), file: "lab.yaml")
        let rules = FirewallSynthesizer.rules(model)
        XCTAssertEqual(rules.count, 4, "one permit per allowed flow or conduit rule")
        let lab = try KernelLab()
        defer { lab.tearDown() }
        let ruleset: Ruleset
        if target == "nftables" {
            let script = RulesetWriter.nftables(rules, header: ["test"])
            XCTAssertTrue(script.contains("comment \"flow f1 via conduit a-b"), script)
            try lab.loadNftables(script)
            ruleset = try NftJSONReader(file: "synth.json").read(Array(try lab.inside(lab.fw, "nft", "-j", "list", "ruleset").utf8))
        } else {
            try lab.loadIptables(RulesetWriter.iptables(rules, header: ["test"]))
            ruleset = try IptablesSaveReader(file: "synth.rules").read(try lab.inside(lab.fw, "iptables-save"))
        }
        let probes = probes()
        let kernel = try lab.send(probes)
        let want = expected(probes)
        XCTAssertEqual(kernel, want, "the kernel with the synthesized \(target) ruleset passes exactly the model's flows")
        XCTAssertGreaterThan(want.count, 5)
        XCTAssertLessThan(want.count, probes.count - 50)
        let zonal = KernelLab.predicted(try RulesetEvaluator(ruleset), probes)
        XCTAssertEqual(zonal, kernel, "Zonal's reading of the loaded ruleset agrees with the kernel")
    }

    func testSynthesizedNftablesPassesExactlyTheFlows() throws { try check(target: "nftables") }

    func testSynthesizedIptablesPassesExactlyTheFlows() throws { try check(target: "iptables") }
}
