import ZonalModel

/// An essential flow must not depend on crossing a one-way conduit against its direction.
public struct EssentialFlowAgainstDirectionCheck: Check {
    public let id = "ZC-AV-02"
    public let title = "Essential flow crosses a one-way conduit against its direction"
    public let clause = "IEC 62443-3-3 SR 5.2 RE 2, FR 7; IEC 62443-3-2 ZCR 3.1"
    public let rationale = "A data diode passes nothing backwards, so an essential flow that needs the reverse direction will fail the day the diode is installed."
    public let remediation = "Reverse the flow so the protected side sends (push instead of poll), or carry it over another conduit that permits its direction."
    public let severity = Severity.critical
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        // By position: the guard reads fields in place, and only the few routes that make a finding are copied.
        context.routes.indices.compactMap { i in
            guard context.routes[i].flow.essential, case .againstDirection(let conduitID) = context.routes[i].verdict,
                  let conduit = context.model.conduit(conduitID), case .oneWay(let from, let to) = conduit.direction else { return nil }
            let route = context.routes[i]
            return finding("essential flow '\(route.flow.id)' runs from '\(route.fromZone ?? "?")' to '\(route.toZone ?? "?")', against one-way conduit '\(conduitID)' (\(from)->\(to))",
                           at: route.flow.location, subject: "flow:\(route.flow.id)")
        }
    }
}
