/// Traffic opened against a one-way conduit, or replies sent back through a data diode.
public struct TrafficAgainstDirectionCheck: TrafficCheck {
    public let id = "ZC-TR-04"
    public let title = "Traffic against a one-way conduit"
    public let clause = "IEC 62443-3-3 SR 5.1 RE 3; SR 5.2"
    public let rationale = "A one-way conduit exists so the protected zone cannot be reached from the other side; traffic the other way means the one-way enforcement is not in place."
    public let remediation = "Enforce the conduit's direction (data diode or unidirectional gateway), or correct the model if the plant really needs both directions."
    public let severity = Severity.critical
    public let kind = TrafficViolation.Kind.againstDirection
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        context.routes.compactMap { route in
            let flow = context.observation.flows[route.flow]
            if case .againstDirection(let conduit) = route.verdict {
                return violation("\(flow.protocol.name) opened from zone '\(route.client.zone ?? "?")' into zone '\(route.server.zone ?? "?")', against one-way conduit '\(conduit)'",
                                 route: route, context: context, frames: flow.sampleFrames, conduit: conduit)
            }
            if route.repliesThroughDiode, let conduit = route.conduit {
                return violation("\(flow.serverPackets) packets came back through data diode '\(conduit)' from zone '\(route.server.zone ?? "?")'",
                                 route: route, context: context, frames: flow.serverSampleFrames, conduit: conduit)
            }
            return nil
        }
    }
}
