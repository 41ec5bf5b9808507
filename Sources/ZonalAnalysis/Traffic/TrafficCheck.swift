import ZonalModel

/// A check of observed traffic against the model: described like `Check`, evaluated over the routes of observed flows.
public protocol TrafficCheck: CheckDescription {
    var kind: TrafficViolation.Kind { get }

    func evaluate(_ context: TrafficContext) -> [TrafficViolation]
}

extension TrafficCheck {
    /// A violation of this check about one route, with the flow's summary and frames as evidence.
    func violation(_ message: String, route: ObservedRoute, context: TrafficContext, frames: [Int], conduit: String? = nil,
                   severity: Severity? = nil, remediation: String? = nil, extra: [String] = []) -> TrafficViolation {
        let flow = context.observation.flows[route.flow]
        let zones = [route.client.zone, route.server.zone].compactMap { $0 }
        let finding = Finding(check: id, severity: severity ?? self.severity, message: message, clause: clause, location: context.location(of: route),
                              subject: "flow:\(flow.client):\(flow.clientPort)->\(flow.server):\(flow.serverPort)/\(flow.transportName)",
                              remediation: remediation ?? self.remediation,
                              evidence: [context.framesLine(frames, capture: flow.capture), context.summary(of: route)] + extra)
        return TrafficViolation(kind: kind, flow: route.flow, capture: flow.capture, frames: frames, conduit: conduit ?? route.conduit,
                                zones: Array(Set(zones)).sorted(), finding: finding)
    }
}

/// Every traffic check, in the order of the rule reference.
public enum TrafficCheckRegistry {
    public static let all: [any TrafficCheck] = [
        TrafficWithoutConduitCheck(),
        TrafficNotPermittedCheck(),
        ForbiddenFunctionCheck(),
        TrafficAgainstDirectionCheck(),
        EndpointOutsideZonesCheck(),
        EndpointNotInInventoryCheck(),
        CleartextRemoteAccessCheck(),
    ]

    public static func check(_ id: String) -> (any TrafficCheck)? { all.first { $0.id == id } }
}
