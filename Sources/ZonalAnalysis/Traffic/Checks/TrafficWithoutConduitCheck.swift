/// Traffic crossed between two zones that no conduit joins.
public struct TrafficWithoutConduitCheck: TrafficCheck {
    public let id = "ZC-TR-01"
    public let title = "Traffic between zones with no conduit"
    public let clause = "IEC 62443-3-2 ZCR 3.1; IEC 62443-3-3 SR 5.1"
    public let rationale = "Traffic that crosses between zones where the design has no conduit is an undesigned path: the segmentation the zones stand for does not exist on the wire."
    public let remediation = "Block the traffic at the boundary, or, if the plant needs it, add a conduit between the two zones that allows exactly this flow."
    public let severity = Severity.high
    public let kind = TrafficViolation.Kind.noConduit
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        context.routes.compactMap { route in
            guard route.verdict == .noConduit, let from = route.client.zone, let to = route.server.zone else { return nil }
            let flow = context.observation.flows[route.flow]
            return violation("\(flow.protocol.name) traffic from zone '\(from)' to zone '\(to)', but no conduit joins them", route: route,
                             context: context, frames: flow.sampleFrames,
                             remediation: "Block \(flow.transportName)/\(flow.serverPort) from '\(from)' to '\(to)' at the boundary, or declare a conduit 'zones: [\(from), \(to)]' allowing it.")
        }
    }
}
