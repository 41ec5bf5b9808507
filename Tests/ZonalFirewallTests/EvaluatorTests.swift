import XCTest
import ZonalFirewall
import ZonalModel

/// The evaluator against a plain packet-by-packet interpreter of the same rules, on generated rulesets (no kernel needed).
final class EvaluatorTests: XCTestCase {
    /// First match, jumps, gotos and returns, one packet at a time, straight from the rule conditions.
    struct Interpreter {
        let ruleset: Ruleset

        func verdict(_ p: Packet) -> Decision.Verdict {
            for chain in ruleset.forwardChains {
                switch run(chain.key, p, depth: 0) {
                case .accept?: continue
                case .drop?, .reject?: return .deny
                default: if chain.policy != .accept { return .deny }
                }
            }
            return .accept
        }

        /// nil when the chain ends or returns without a verdict.
        func run(_ key: String, _ p: Packet, depth: Int) -> RuleAction? {
            for rule in ruleset.chains[key]!.rules where matches(rule, p) {
                switch rule.action {
                case .accept, .drop, .reject: return rule.action
                case .return: return nil
                case .none: continue
                case .jump(let t): if let v = run(t, p, depth: depth + 1) { return v }
                case .goto(let t): return run(t, p, depth: depth + 1)
                }
            }
            return nil
        }

        func matches(_ rule: FirewallRule, _ p: Packet) -> Bool {
            rule.conditions.allSatisfy { condition in
                switch condition {
                case .family(let f): return p.source.family == f
                case .addresses(let d, let ranges, let negated):
                    let a = d == .source ? p.source : p.destination
                    return ranges.contains { $0.lower <= a && a <= $0.upper } != negated
                case .values(let d, let ranges, let negated):
                    let v = d == .proto ? p.proto : d == .sourcePort ? p.sourcePort : p.destinationPort
                    return ranges.contains { $0.contains(v) } != negated
                case .interfaces(let d, let names, let negated):
                    let name = (d == .inInterface ? p.inInterface : p.outInterface) ?? ""
                    return names.contains { $0.hasSuffix("+") ? name.hasPrefix(String($0.dropLast())) : $0 == name } != negated
                case .states(let states):
                    return states.contains(p.state)
                }
            }
        }
    }

    func testEvaluatorAgreesWithInterpreterOnGeneratedRulesets() throws {
        var rng = SplitMix(seed: 42)
        for seed in UInt64(1)...30 {
            let text = GeneratedRuleset(seed: seed).iptables
            let ruleset = try IptablesSaveReader(file: "seed \(seed)").read(text)
            let evaluator = try RulesetEvaluator(ruleset)
            let interpreter = Interpreter(ruleset: ruleset)
            var verdicts: [Decision.Verdict: Int] = [:]
            for _ in 0..<400 {
                let packet = Packet(source: IPAddress("10.61.0.\(Int(rng.next() % 40))")!, destination: IPAddress("10.62.0.\(Int(rng.next() % 40))")!,
                                    proto: [6, 17, 1][Int(rng.next() % 3)], sourcePort: 39000 + Int(rng.next() % 20000),
                                    destinationPort: 1995 + Int(rng.next() % 20), inInterface: ["fa", "fb", "eth9"][Int(rng.next() % 3)],
                                    outInterface: ["fb", "fa", "eth9"][Int(rng.next() % 3)],
                                    state: ConnectionState.allCases[Int(rng.next() % 5)])
                let expected = interpreter.verdict(packet)
                XCTAssertEqual(evaluator.decision(for: packet).verdict, expected, "seed \(seed) \(packet)\n\(text)")
                verdicts[expected, default: 0] += 1
            }
            if seed == 1 { XCTAssertGreaterThan(verdicts.count, 1, "the packets should meet both verdicts") }
        }
    }

    func testJumpReturnAndGotoFollowTheKernelsOrder() throws {
        let text = """
        *filter
        :FORWARD DROP [0:0]
        :A - [0:0]
        :B - [0:0]
        -A FORWARD -p tcp -j A
        -A FORWARD -p tcp -m tcp --dport 80 -j ACCEPT
        -A A -p tcp -m tcp --dport 80 -j RETURN
        -A A -p tcp -m tcp --dport 81 -g B
        -A A -p tcp -j ACCEPT
        -A B -p tcp -m tcp --dport 81 -j RETURN
        COMMIT
        """
        let evaluator = try RulesetEvaluator(IptablesSaveReader(file: "t").read(text))
        func verdict(_ port: Int) -> Decision {
            evaluator.decision(for: Packet(source: IPAddress("10.0.0.1")!, destination: IPAddress("10.0.0.2")!, proto: 6, sourcePort: 5000, destinationPort: port))
        }
        XCTAssertEqual(verdict(80).verdict, .accept, "RETURN from A goes back to FORWARD, whose next rule accepts")
        XCTAssertEqual(verdict(80).rule?.index, 1)
        XCTAssertEqual(verdict(81).verdict, .deny, "goto B then RETURN leaves FORWARD's jump too, so the policy drops")
        XCTAssertNil(verdict(81).rule)
        XCTAssertEqual(verdict(82).verdict, .accept)
        XCTAssertEqual(verdict(82).trail.count, 1, "the trail names the jump into A")
    }

    func testMissingChainsAndLoopsAreErrors() throws {
        let loop = """
        *filter
        :FORWARD DROP [0:0]
        :A - [0:0]
        :B - [0:0]
        -A FORWARD -j A
        -A A -j B
        -A B -j A
        COMMIT
        """
        XCTAssertThrowsError(try RulesetEvaluator(IptablesSaveReader(file: "t").read(loop))) { error in
            XCTAssertTrue("\(error)".contains("loop"))
        }
    }
}
