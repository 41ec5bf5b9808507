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
        // The ids of the flows between each pair of zones, gathered in one pass in flow order: a named flow found here
        // crosses the conduit, which settles most rules without looking the flow up among all of the plant's.
        var crossingIDs: [ZonePair: Set<String>] = [:]
        for i in context.routes.indices {
            guard let from = context.routes[i].fromZone, let to = context.routes[i].toZone, from != to else { continue }
            crossingIDs[ZonePair(from, to), default: []].insert(context.routes[i].flow.id)
        }
        for conduit in model.conduits where conduit.zones.count == 2 {
            let pair = ZonePair(conduit.zones[0], conduit.zones[1])
            let crossing = context.routes(between: pair)
            let crossingHere = crossingIDs[pair] ?? []
            for rule in conduit.allows {
                switch rule {
                case .flow(let flowID, let location):
                    if crossingHere.contains(flowID) { continue }
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
