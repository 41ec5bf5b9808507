import ZonalFirewall
import ZonalModel

/// A rule no packet ever reaches, because earlier rules take every packet it would match.
public struct ShadowedRuleCheck: FirewallCheck {
    public let id = "ZC-FW-05"
    public let title = "Firewall rule is never reached (shadowed)"
    public let clause = "IEC 62443-3-3 SR 7.6 (network and security configuration settings)"
    public let rationale = "A shadowed rule says something the firewall never does: a reviewer reading it believes traffic is blocked (or permitted) when an earlier rule decides otherwise."
    public let remediation = "Delete the rule, or move it above the rules that shadow it if its verdict is the intended one."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        let evaluator = context.evaluator
        var findings: [Finding] = []
        for key in context.ruleset.chainOrder where evaluator.forwardReachableChains.contains(key) {
            guard let chain = context.ruleset.chains[key] else { continue }
            for (i, rule) in chain.rules.enumerated() where rule.action != .none && rule.unmodeled.isEmpty {
                let id = RuleID(chain: key, index: i)
                guard context.reach[id] == nil else { continue }
                // Who takes its packets: the decisions for exactly the packets it would match.
                let takers = FirewallContext.byRule(evaluator.decide(evaluator.boxes(of: id))).map { $0.decisions[0] }
                let names = takers.map { context.name(of: $0) }
                let by = takers.isEmpty ? "no packet can match all its conditions"
                    : "\(names.prefix(4).joined(separator: ", "))\(names.count > 4 ? " and \(names.count - 4) more" : "") decide every packet it matches first"
                findings.append(finding("rule \(rule.chain) #\(rule.number) (\(rule.action)) is never reached: \(by)",
                                        at: rule.location, subject: context.subject,
                                        evidence: ["rule: \(rule.text)"] + takers.prefix(5).compactMap { d in context.text(of: d).map { "line \(context.location(of: d).line): \($0)" } }))
            }
        }
        return findings
    }
}
