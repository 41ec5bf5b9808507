import ZonalModel

/// Every flow between two zones must pass through a declared conduit.
public struct FlowWithoutConduitCheck: Check {
    public let id = "ZC-CD-01"
    public let title = "Flow between zones with no conduit"
    public let clause = "IEC 62443-3-2 ZCR 3.1; IEC 62443-3-3 SR 5.1"
    public let rationale = "Communication between zones that crosses no declared conduit is a path nobody has designed, assessed or protected."
    public let remediation = "Declare a conduit between the two zones that allows the flow, or remove the flow if the plant does not need it."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        // By position: the guard reads fields in place, and only the few routes that make a finding are copied.
        context.routes.indices.compactMap { i in
            // Essential flows get the availability finding instead (ZC-AV-01).
            guard context.routes[i].verdict == .noConduit, !context.routes[i].flow.essential else { return nil }
            let route = context.routes[i]
            guard let from = route.fromZone, let to = route.toZone else { return nil }
            return finding("flow '\(route.flow.id)' goes from zone '\(from)' to zone '\(to)', but no conduit joins them",
                           at: route.flow.location, subject: "flow:\(route.flow.id)",
                           remediation: "Declare a conduit 'zones: [\(from), \(to)]' that allows '\(route.flow.id)', or remove the flow.")
        }
    }
}
