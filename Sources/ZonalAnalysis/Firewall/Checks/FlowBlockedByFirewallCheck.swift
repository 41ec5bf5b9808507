import ZonalFirewall
import ZonalModel

/// A flow the model needs, and a conduit allows, that the ruleset blocks: the design would disrupt operations.
public struct FlowBlockedByFirewallCheck: FirewallCheck {
    public let id = "ZC-FW-03"
    public let title = "Firewall blocks a flow the plant needs"
    public let clause = "IEC 62443-3-3 FR 7 (resource availability), SR 7.6 (network and security configuration settings)"
    public let rationale = "Security controls must not stop essential functions: a ruleset that drops historian replication or SIS status (or the replies that complete the connection) causes the outage it should prevent."
    public let remediation = "Permit the flow in the ruleset (addresses, protocol and port as the model states), with replies allowed back."
    public let severity = Severity.critical
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        var findings: [Finding] = []
        for (flow, region) in context.needs where allowedByConduit(flow, context.model) {
            let decisions = context.evaluator.decide(region)
            let level: Severity = flow.essential ? .critical : .medium
            let kind = flow.essential ? "essential flow" : "flow"
            for (_, denied) in FirewallContext.byRule(decisions.filter { $0.verdict == .deny }) {
                let first = denied[0]
                findings.append(finding("\(context.name(of: first)) blocks \(kind) '\(flow.id)' (\(first.box.summary)) that a conduit allows",
                                        at: context.location(of: first), subject: "flow:\(flow.id)", severity: level,
                                        evidence: (context.text(of: first).map { [$0] } ?? []) + ["flow at \(flow.location)"] + denied.prefix(10).map { "blocked: \($0.box.summary)" }))
            }
            for d in decisions where d.verdict == .accept {
                let working = context.replies.connections(d).map(\.box)
                let failing = PacketSet([d.box]).subtracting(working)
                guard let part = failing.boxes.first else { continue }
                findings.append(finding("\(context.name(of: d)) accepts the opening of \(kind) '\(flow.id)' but the ruleset drops its replies (\(part.summary)), so the connection never completes",
                                        at: context.location(of: d), subject: "flow:\(flow.id)", severity: level,
                                        remediation: "Accept replies of permitted connections, e.g. 'ct state established,related accept' (or '-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT') early in the forward chain.",
                                        evidence: ["flow at \(flow.location)"]))
            }
        }
        return findings
    }

    private func allowedByConduit(_ flow: Flow, _ model: SystemModel) -> Bool {
        guard let f = model.zoneID(ofEndpoint: flow.from), let t = model.zoneID(ofEndpoint: flow.to) else { return false }
        return model.conduits.contains { $0.joins(f, t) && $0.permitsDirection(from: f, to: t) && ConduitMatcher.permits($0, flow: flow, model: model) }
    }
}
