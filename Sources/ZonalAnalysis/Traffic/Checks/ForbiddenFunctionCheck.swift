/// A permitted flow carried protocol operations (e.g. Modbus writes) that the conduit's rule does not list.
public struct ForbiddenFunctionCheck: TrafficCheck {
    public let id = "ZC-TR-03"
    public let title = "Protocol function not allowed by the conduit"
    public let clause = "IEC 62443-3-3 SR 5.2 RE 2; SR 3.1"
    public let rationale = "Conduits that allow only reads protect the process from changes made across the boundary; a write, download or stop command through them defeats that."
    public let remediation = "Block the function with deep packet inspection at the conduit, or, if the plant needs it, add it to the rule's functions."
    public let severity = Severity.critical
    public let kind = TrafficViolation.Kind.forbiddenFunction
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        context.routes.compactMap { route in
            guard case .forbiddenFunctions(let conduit, let functions) = route.verdict else { return nil }
            let flow = context.observation.flows[route.flow]
            let proto = flow.protocol.name
            let uses = TrafficRouter.requested(flow).filter { functions.contains(TrafficRouter.functionName($0, protocol: proto)) }
            let frames = Array(Set(uses.flatMap(\.frames))).sorted().prefix(6)
            let counts = uses.map { "\(TrafficRouter.functionName($0, protocol: proto)) (code \($0.wireCode)): \($0.requests) requests" }
            return violation("\(proto) \(functions.joined(separator: ", ")) through conduit '\(conduit)', whose rule does not allow \(functions.count == 1 ? "it" : "them")",
                             route: route, context: context, frames: Array(frames), conduit: conduit, extra: counts)
        }
    }
}
