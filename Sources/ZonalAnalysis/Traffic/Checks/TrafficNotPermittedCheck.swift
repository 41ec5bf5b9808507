/// Traffic used a conduit whose rules do not allow its endpoints, protocol or port.
public struct TrafficNotPermittedCheck: TrafficCheck {
    public let id = "ZC-TR-02"
    public let title = "Traffic not allowed by the conduit"
    public let clause = "IEC 62443-3-3 SR 5.2; IEC 62443-3-2 ZCR 3.4"
    public let rationale = "A conduit is only as strong as its enforcement: traffic the conduit's rules do not allow shows the boundary device permits more than the design."
    public let remediation = "Tighten the boundary's rules to the conduit's allows list, or, if the plant needs this flow, add it to the conduit's allows."
    public let severity = Severity.high
    public let kind = TrafficViolation.Kind.notPermitted
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        context.routes.compactMap { route in
            guard case .notPermitted(let conduits) = route.verdict else { return nil }
            let flow = context.observation.flows[route.flow]
            return violation("\(flow.protocol.name) on \(flow.transportName)/\(flow.serverPort) crosses conduit '\(conduits.joined(separator: "', '"))', which does not allow it",
                             route: route, context: context, frames: flow.sampleFrames, conduit: conduits.first)
        }
    }
}
