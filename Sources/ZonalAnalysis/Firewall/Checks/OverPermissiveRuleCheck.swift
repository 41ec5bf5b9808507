import ZonalFirewall
import ZonalModel

/// Traffic the firewall lets through between two zones that no conduit of the model allows: attack surface the design never approved.
public struct OverPermissiveRuleCheck: FirewallCheck {
    public let id = "ZC-FW-01"
    public let title = "Firewall permits traffic no conduit allows"
    public let clause = "IEC 62443-3-3 SR 5.1 (network segmentation), SR 5.2 (zone boundary protection); IEC 62443-3-2 ZCR 3.1"
    public let rationale = "A conduit on paper is only as narrow as the ruleset that enforces it; every permitted connection that no conduit allows is a path an attacker can use and no one reviewed. Any/any rules, whole-zone to whole-zone rules, management protocols into control or safety zones and enterprise traffic straight into control zones are the worst."
    public let remediation = "Narrow the rule to the flows the conduit allows, or, if the plant needs the traffic, add the flow to the model and to the conduit's 'allows'."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        var findings: [Finding] = []
        // Traffic against a one-way conduit is reported by ZC-FW-04, not twice.
        for cell in context.matrix where !OneWayConduitBreachCheck.breaches(cell, context) {
            let residual = cell.permitted.flatMap { d in PacketSet([d.box]).subtracting(context.allowed).boxes.map(d.restricted) }
            for (_, decisions) in FirewallContext.byRule(residual) {
                findings.append(finding(decisions, from: cell.from, to: cell.to, context: context))
            }
        }
        return findings
    }

    private func finding(_ decisions: [Decision], from: String, to: String, context: FirewallContext) -> Finding {
        let model = context.model
        let fromZone = model.zone(from), toZone = model.zone(to)
        let boxes = decisions.map(\.box)
        let anyService = boxes.contains { $0[.proto] == Dimension.domain(.proto) || ($0.hasPorts && $0.destinationPortCount == 65536) }
        let wholeZones = fromZone != nil && toZone != nil && boxes.contains { box in
            (fromZone?.networks ?? []).contains { box[.source].contains(Interval(SpaceValue($0.first), SpaceValue($0.last))) }
                && (toZone?.networks ?? []).contains { box[.destination].contains(Interval(SpaceValue($0.first), SpaceValue($0.last))) }
        }
        let management = Set(boxes.flatMap(ServicePorts.managementServices)).sorted()
        let intoProcess = toZone?.kind.isProcess ?? false
        // Addresses in no zone are treated like an external zone: the least trusted side.
        let fromBusiness = fromZone?.kind.isBusiness ?? (from == FirewallContext.outside)
        var reasons: [String] = []
        var level = Severity.medium
        if anyService && wholeZones { reasons.append("any service between the whole zones"); level = .critical }
        if fromBusiness && intoProcess { reasons.append("\(fromZone?.kind.rawValue ?? "addresses in no zone") straight into a \(toZone!.kind.rawValue) zone"); level = .critical }
        if intoProcess && !management.isEmpty { reasons.append("management access (\(management.joined(separator: ", "))) into a \(toZone!.kind.rawValue) zone"); level = .critical }
        if level != .critical {
            if wholeZones { reasons.append("whole zone to whole zone"); level = .high }
            if anyService { reasons.append("any port"); level = .high }
        }
        let first = decisions[0]
        let more = decisions.count > 1 ? " and \(decisions.count - 1) more range(s)" : ""
        let why = reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"
        return self.finding("\(context.name(of: first)) permits \(first.box.summary)\(more) from \(FirewallContext.side(from)) to \(FirewallContext.side(to)), which no conduit allows\(why)",
                            at: context.location(of: first), subject: context.subject, severity: level,
                            remediation: from == FirewallContext.outside || to == FirewallContext.outside
                                ? "Restrict \(context.name(of: first)) to the addresses of the plant's zones: no conduit allows traffic from or to addresses in no zone."
                                : "Narrow \(context.name(of: first)) to what the conduit between '\(from)' and '\(to)' allows, or model the flow the plant needs.",
                            evidence: (context.text(of: first).map { [$0] } ?? []) + decisions.prefix(10).map { "permits \($0.box.summary)" })
    }
}
