import ZonalFirewall
import ZonalModel

/// A part of the configuration Zonal read but could not model, with what the analysis assumed instead.
public struct UnmodelledConstructCheck: FirewallCheck {
    public let id = "ZC-FW-08"
    public let title = "Firewall construct not modelled by the analysis"
    public let clause = "IEC 62443-3-3 SR 7.6 (network and security configuration settings)"
    public let rationale = "The analysis is exact only for what it models; where a rule uses a match it does not (rate limits, marks, ICMP types, sets of sets), it says so and states its assumption rather than guess silently."
    public let remediation = "Review the rule by hand; where the match is not needed for segmentation, expressing the rule with addresses, protocols, ports and interfaces makes it verifiable."
    public let severity = Severity.low
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        context.ruleset.unsupported.map { construct in
            finding("not modelled: \(construct.construct); \(construct.assumption)", at: construct.location, subject: context.subject)
        }
    }
}
