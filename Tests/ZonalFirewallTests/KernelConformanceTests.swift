import Foundation
import XCTest
import ZonalFirewall
import ZonalModel

/// Zonal's verdict for real packets must equal the kernel's: generated rulesets are loaded with the real tools into a
/// forwarding namespace, read back with `iptables-save` and `nft -j list ruleset`, and probed with TCP connects and UDP datagrams.
final class KernelConformanceTests: XCTestCase {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

    func probes(seed: UInt64, count: Int = 120, v6: Bool = false) -> [KernelLab.Probe] {
        var rng = SplitMix(seed: seed &* 7919)
        let sources = v6 ? KernelLab.hostsA6 : KernelLab.hostsA, destinations = v6 ? KernelLab.hostsB6 : KernelLab.hostsB
        return (0..<count).map { i in
            KernelLab.Probe(id: i, proto: rng.next() % 2 == 0 ? "tcp" : "udp",
                            source: sources[Int(rng.next() % UInt64(sources.count))], sourcePort: 40000 + i * 97 % 20000,
                            destination: destinations[Int(rng.next() % UInt64(destinations.count))],
                            destinationPort: KernelLab.ports[Int(rng.next() % UInt64(KernelLab.ports.count))])
        }
    }

    func compare(_ evaluator: RulesetEvaluator, _ probes: [KernelLab.Probe], kernel: Set<Int>, ruleset: String, file: String) {
        let zonal = KernelLab.predicted(evaluator, probes)
        let disagreements = probes.filter { zonal.contains($0.id) != kernel.contains($0.id) }
        XCTAssertTrue(disagreements.isEmpty, """
            \(disagreements.count) of \(probes.count) probes disagree for \(file):
            \(disagreements.prefix(5).map { "\($0.proto) \($0.source):\($0.sourcePort) -> \($0.destination):\($0.destinationPort) kernel \(kernel.contains($0.id) ? "passed" : "blocked")" }.joined(separator: "\n"))
            ruleset:
            \(ruleset)
            """)
    }

    func testIptablesRulesetsMatchTheKernel() throws {
        if let reason = KernelLab.unavailableReason() { throw XCTSkip(reason) }
        var passedTotal = 0, blockedTotal = 0
        for seed in Self.seeds {
            let generated = GeneratedRuleset(seed: seed)
            let lab = try KernelLab()
            defer { lab.tearDown() }
            try lab.loadIptables(generated.iptables)
            let saved = try lab.inside(lab.fw, "iptables-save")
            let ruleset = try IptablesSaveReader(file: "iptables-save seed \(seed)").read(saved)
            XCTAssertEqual(ruleset.unsupported, [], "generated rules use only modelled matches")
            let evaluator = try RulesetEvaluator(ruleset)
            let probes = probes(seed: seed)
            let kernel = try lab.send(probes)
            passedTotal += kernel.count
            blockedTotal += probes.count - kernel.count
            compare(evaluator, probes, kernel: kernel, ruleset: saved, file: "iptables seed \(seed)")
        }
        XCTAssertGreaterThan(passedTotal, 50, "too few probes passed for the test to mean much")
        XCTAssertGreaterThan(blockedTotal, 50, "too few probes were blocked for the test to mean much")
    }

    func testNftablesRulesetsMatchTheKernel() throws {
        if let reason = KernelLab.unavailableReason() { throw XCTSkip(reason) }
        var passedTotal = 0, blockedTotal = 0
        for seed in Self.seeds {
            let generated = GeneratedRuleset(seed: seed + 100)
            let lab = try KernelLab()
            defer { lab.tearDown() }
            try lab.loadNftables(generated.nftables)
            let json = try lab.inside(lab.fw, "nft", "-j", "list", "ruleset")
            let ruleset = try NftJSONReader(file: "nft seed \(seed)").read(Array(json.utf8))
            XCTAssertEqual(ruleset.unsupported, [], "generated rules use only modelled matches")
            let evaluator = try RulesetEvaluator(ruleset)
            let probes = probes(seed: seed + 100)
            let kernel = try lab.send(probes)
            passedTotal += kernel.count
            blockedTotal += probes.count - kernel.count
            compare(evaluator, probes, kernel: kernel, ruleset: generated.nftables, file: "nftables seed \(seed)")
            // The text form the same tool prints must mean the same.
            let text = try lab.inside(lab.fw, "nft", "list", "ruleset")
            let fromText = try NftTextReader(file: "nft text seed \(seed)").read(text)
            XCTAssertEqual(fromText.unsupported, [])
            XCTAssertEqual(fromText.rules.count, ruleset.rules.count)
            compare(try RulesetEvaluator(fromText), probes, kernel: kernel, ruleset: text, file: "nft text seed \(seed)")
        }
        XCTAssertGreaterThan(passedTotal, 50)
        XCTAssertGreaterThan(blockedTotal, 50)
    }

    func testIPv6RulesetsMatchTheKernel() throws {
        if let reason = KernelLab.unavailableReason() { throw XCTSkip(reason) }
        var passedTotal = 0, blockedTotal = 0
        for seed: UInt64 in [11, 12, 13] {
            let generated = GeneratedRuleset(seed: seed, v6: true)
            let lab = try KernelLab()
            defer { lab.tearDown() }
            try lab.loadIptables(generated.iptables, v6: true)
            let saved = try lab.inside(lab.fw, "ip6tables-save")
            let ruleset = try IptablesSaveReader(file: "ip6tables-save seed \(seed)").read(saved)
            XCTAssertEqual(ruleset.unsupported, [])
            let probes = probes(seed: seed, v6: true)
            let kernel = try lab.send(probes)
            passedTotal += kernel.count
            blockedTotal += probes.count - kernel.count
            compare(try RulesetEvaluator(ruleset), probes, kernel: kernel, ruleset: saved, file: "ip6tables seed \(seed)")
        }
        for seed: UInt64 in [21, 22, 23] {
            let generated = GeneratedRuleset(seed: seed, v6: true)
            let lab = try KernelLab()
            defer { lab.tearDown() }
            try lab.loadNftables(generated.nftables)
            let ruleset = try NftJSONReader(file: "nft ip6 seed \(seed)").read(Array(try lab.inside(lab.fw, "nft", "-j", "list", "ruleset").utf8))
            XCTAssertEqual(ruleset.unsupported, [])
            let probes = probes(seed: seed, v6: true)
            let kernel = try lab.send(probes)
            passedTotal += kernel.count
            blockedTotal += probes.count - kernel.count
            compare(try RulesetEvaluator(ruleset), probes, kernel: kernel, ruleset: generated.nftables, file: "nftables IPv6 seed \(seed)")
        }
        XCTAssertGreaterThan(passedTotal, 30)
        XCTAssertGreaterThan(blockedTotal, 30)
    }
}
