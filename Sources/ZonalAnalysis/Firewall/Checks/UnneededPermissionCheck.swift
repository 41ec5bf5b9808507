import ZonalFirewall
import ZonalModel

/// Traffic a conduit allows and the firewall permits, though no flow of the model needs it: room to tighten (least privilege).
public struct UnneededPermissionCheck: FirewallCheck {
    public let id = "ZC-FW-02"
    public let title = "Firewall permits more than the flows need"
    public let clause = "IEC 62443-3-3 SR 5.2 RE 1 (deny by default, allow by exception), SR 2.1 (least privilege)"
    public let rationale = "A conduit written broadly (a whole zone, any port) lets the ruleset permit connections nothing in the plant uses; each one is exposure without a purpose."
    public let remediation = "Narrow the rule (and the conduit's inline rule) to the addresses and ports of the flows that need it."
    public let severity = Severity.low
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        let needed = context.needs.flatMap(\.region)
        var findings: [Finding] = []
        for cell in context.matrix {
            let unneeded = cell.permitted.flatMap { d -> [Decision] in
                let outside = PacketSet([d.box]).subtracting(context.allowed)
                let inside = PacketSet([d.box]).subtracting(outside.boxes)
                return inside.subtracting(needed).boxes.map(d.restricted)
            }
            for (_, decisions) in FirewallContext.byRule(unneeded) {
                let first = decisions[0]
                findings.append(finding("\(context.name(of: first)) permits \(first.box.summary)\(decisions.count > 1 ? " and \(decisions.count - 1) more range(s)" : "") from zone '\(cell.from)' to zone '\(cell.to)'; a conduit allows it but no flow of the model needs it",
                                        at: context.location(of: first), subject: context.subject,
                                        evidence: (context.text(of: first).map { [$0] } ?? []) + decisions.prefix(10).map { "not needed: \($0.box.summary)" }))
            }
        }
        return findings
    }
}
