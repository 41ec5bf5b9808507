import ZonalModel

/// Least privilege: every rule a conduit allows must serve a flow that crosses it.
public struct UnneededConduitRuleCheck: Check {
    public let id = "ZC-CD-07"
    public let title = "Conduit allows what no flow across it needs"
    public let clause = "IEC 62443-3-3 SR 5.2 RE 1, SR 7.7"
    public let rationale = "A permitted path that the plant does not use is attack surface with no operational value: deny by default, allow by exception."
    public let remediation = "Remove the rule, or declare the flow that needs it in the communication matrix."
    public let severity = Severity.low
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for (c, conduit) in model.conduits.enumerated() where conduit.zones.count == 2 {
            let pair = ZonePair(conduit.zones[0], conduit.zones[1])
            let crossing = context.routes(between: pair)
            // The loader resolved each named flow to its position and each end to a zone position: comparing those
            // settles a rule without hashing an id.
            let named = model.allowedFlowPositions(ofConduitAt: c)
            let joined = model.zonePositions(ofConduitAt: c)
            for (k, rule) in conduit.allows.enumerated() {
                switch rule {
                case .flow(let flowID, let location):
                    guard named[k] >= 0 else { continue }
                    let ends = model.endpointZonePositions(ofFlowAt: Int(named[k]))
                    guard let from = ends.from, let to = ends.to else { continue }
                    if let (a, b) = joined, (a == from && b == to) || (a == to && b == from) { continue }
                    let fromID = model.zones[from].id, toID = model.zones[to].id
                    findings.append(finding("conduit '\(conduit.id)' allows flow '\(flowID)', which runs from '\(fromID)' to '\(toID)' and does not cross it",
                                            at: location, subject: "conduit:\(conduit.id)",
                                            remediation: "Remove '\(flowID)' from this conduit; allow it on the conduit between '\(fromID)' and '\(toID)'."))
                case .rule(let r):
                    if !crossing.contains(where: { ConduitMatcher.covers(r, flow: $0.flow, model: model) }) {
                        let what = [r.protocol, r.port.map(String.init)].compactMap { $0 }.joined(separator: "/")
                        findings.append(finding("conduit '\(conduit.id)' allows \(what.isEmpty ? "any traffic" : what) from '\(r.from)' to '\(r.to)', which no declared flow needs",
                                                at: r.location, subject: "conduit:\(conduit.id)"))
                    }
                }
            }
        }
        return findings
    }
}
