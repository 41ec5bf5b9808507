import ZonalFirewall
import ZonalModel

/// A one-way conduit (a diode's direction) that the ruleset lets be crossed the other way.
public struct OneWayConduitBreachCheck: FirewallCheck {
    public let id = "ZC-FW-04"
    public let title = "Firewall permits traffic against a one-way conduit"
    public let clause = "IEC 62443-3-3 SR 5.2 RE 3 (fail close) and RE 2 (island mode); IEC 62443-3-2 ZCR 3.1"
    public let rationale = "A conduit declared one-way is the design's promise that nothing opens connections from the lower-trust side; a ruleset that permits it breaks the promise silently."
    public let remediation = "Remove the rule or restrict it to the conduit's direction; if the return traffic is really needed, the conduit is not one-way and the model should say so."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: FirewallContext) -> [Finding] {
        var findings: [Finding] = []
        for conduit in context.model.conduits {
            guard case .oneWay(let from, let to) = conduit.direction, let cell = context.cell(from: to, to: from), OneWayConduitBreachCheck.breaches(cell, context),
                  conduit.id == context.model.conduits.first(where: { $0.joins(from, to) && $0.direction != .bidirectional })?.id else { continue }
            let against = cell.permitted.flatMap { d in PacketSet([d.box]).subtracting(context.allowed).boxes.map(d.restricted) }
            for (_, decisions) in FirewallContext.byRule(against) {
                let first = decisions[0]
                findings.append(finding("\(context.name(of: first)) permits \(first.box.summary) from '\(to)' to '\(from)', against the direction \(from)->\(to) of conduit '\(conduit.id)'",
                                        at: context.location(of: first), subject: "conduit:\(conduit.id)",
                                        evidence: (context.text(of: first).map { [$0] } ?? []) + ["conduit at \(conduit.location)"] + decisions.prefix(10).map { "permits \($0.box.summary)" }))
            }
        }
        return findings
    }

    /// True when the cell's direction is one that only one-way conduits, all pointing the other way, join.
    static func breaches(_ cell: MatrixCell, _ context: FirewallContext) -> Bool {
        let conduits = context.model.conduits.filter { $0.joins(cell.from, cell.to) }
        return !conduits.isEmpty && conduits.allSatisfy { $0.direction != .bidirectional } && !context.directionAllowed(from: cell.from, to: cell.to)
    }
}
