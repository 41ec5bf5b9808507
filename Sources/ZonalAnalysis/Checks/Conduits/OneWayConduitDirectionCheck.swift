import ZonalModel

/// A one-way conduit must not allow anything against its direction.
public struct OneWayConduitDirectionCheck: Check {
    public let id = "ZC-CD-03"
    public let title = "One-way conduit allows traffic against its direction"
    public let clause = "IEC 62443-3-3 SR 5.2; IEC 62443-3-2 ZCR 3.1"
    public let rationale = "A data diode or other one-way conduit physically cannot carry the reverse direction; a design that relies on it is wrong, and one that really needs it has no one-way boundary."
    public let remediation = "Remove the rule from the conduit, or reverse the flow (e.g. push from the protected side instead of polling into it)."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        // By position: only one-way conduits are copied, and each named flow's route is found by the position the
        // loader resolved rather than by hashing its id.
        for c in model.conduits.indices {
            guard case .oneWay(let source, let destination) = model.conduits[c].direction else { continue }
            let conduit = model.conduits[c], named = model.allowedFlowPositions(ofConduitAt: c)
            for (k, rule) in conduit.allows.enumerated() {
                let (from, to, label, location): (String?, String?, String, SourceLocation)
                switch rule {
                case .flow(let flowID, let at):
                    guard named[k] >= 0 else { continue }
                    let route = context.routes[Int(named[k])]
                    (from, to, label, location) = (route.fromZone, route.toZone, "flow '\(flowID)'", at)
                case .rule(let r):
                    (from, to, label, location) = (model.zoneID(ofEndpoint: r.from), model.zoneID(ofEndpoint: r.to), "the rule from '\(r.from)' to '\(r.to)'", r.location)
                }
                if from == destination && to == source {
                    findings.append(finding("conduit '\(conduit.id)' is one-way \(source)->\(destination) but allows \(label) from \(destination) to \(source)",
                                            at: location, subject: "conduit:\(conduit.id)"))
                }
            }
        }
        return findings
    }
}
