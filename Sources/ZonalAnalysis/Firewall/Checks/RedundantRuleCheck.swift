import ZonalFirewall
import ZonalModel

/// A rule whose removal would change no verdict: later rules (or the policy) decide the same for every packet it takes.
public struct RedundantRuleCheck: FirewallCheck {
    public let id = "ZC-FW-06"
    public let title = "Firewall rule is redundant"
    public let clause = "IEC 62443-3-3 SR 7.6 (network and security configuration settings)"
    public let rationale = "Redundant rules make a rulebase longer than its meaning; reviewers spend time on them and later edits to one copy leave the other in force."
    public let remediation = "Delete the rule; the rules named in the evidence already give the same verdict."
    public let severity = Severity.low
    /// Above this many rules the check is skipped (it re-evaluates the ruleset once per rule).
    public static let ruleLimit = 1500
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        let ruleset = context.ruleset
        guard ruleset.rules.count <= RedundantRuleCheck.ruleLimit else { return [] }
        var findings: [Finding] = []
        for key in ruleset.chainOrder {
            guard let chain = ruleset.chains[key] else { continue }
            for (i, rule) in chain.rules.enumerated() where rule.unmodeled.isEmpty {
                let verdict: Decision.Verdict
                switch rule.action {
                case .accept: verdict = .accept
                case .drop, .reject: verdict = .deny
                default: continue
                }
                let id = RuleID(chain: key, index: i)
                guard let reached = context.reach[id] else { continue }
                var without = ruleset
                without.chains[key]!.rules[i].action = .none
                guard let evaluator = try? RulesetEvaluator(without, interfaceNames: context.binding.interfaces.map(\.interface)) else { continue }
                let decisions = evaluator.decide(reached)
                guard decisions.allSatisfy({ $0.verdict == verdict }) else { continue }
                let deciders = Set(decisions.map { context.name(of: $0) }).sorted()
                findings.append(finding("rule \(rule.chain) #\(rule.number) (\(rule.action)) is redundant: without it, \(deciders.prefix(3).joined(separator: ", ")) decide the same for every packet it decides",
                                        at: rule.location, subject: context.subject, evidence: ["rule: \(rule.text)"]))
            }
        }
        return findings
    }
}
