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
        for conduit in model.conduits where conduit.zones.count == 2 {
            let crossing = context.routes(between: ZonePair(conduit.zones[0], conduit.zones[1]))
            for rule in conduit.allows {
                switch rule {
                case .flow(let flowID, let location):
                    // The route's zones read in place: this runs for every flow every conduit names.
                    guard let i = model.flowPosition(flowID), let from = context.routes[i].fromZone, let to = context.routes[i].toZone else { continue }
                    if !conduit.joins(from, to) {
                        findings.append(finding("conduit '\(conduit.id)' allows flow '\(flowID)', which runs from '\(from)' to '\(to)' and does not cross it",
                                                at: location, subject: "conduit:\(conduit.id)",
                                                remediation: "Remove '\(flowID)' from this conduit; allow it on the conduit between '\(from)' and '\(to)'."))
                    }
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
