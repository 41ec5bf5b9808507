import ZonalModel

/// An address seen in traffic belongs to no zone network and no asset of the model.
public struct EndpointOutsideZonesCheck: TrafficCheck {
    public let id = "ZC-TR-05"
    public let title = "Endpoint in no zone"
    public let clause = "IEC 62443-3-2 ZCR 3.1, ZCR 3.2"
    public let rationale = "Every device that talks to the system must be inside a zone with a target security level; a host in no zone is outside the design and its risk is unassessed."
    public let remediation = "Add the host as an asset (or its network to a zone), or remove it from the plant network."
    public let severity = Severity.high
    public let kind = TrafficViolation.Kind.endpointOutsideZones
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        EndpointSightings.collect(context) { $0.zone == nil }.map { sighting in
            sighting.violation(self, context: context, message: "\(sighting.address) talked on the plant network but is in no zone and no asset",
                               remediation: "Add \(sighting.address) to the inventory as an asset of a zone (or its network to a zone's networks), or remove it.")
        }
    }
}

/// The flows one address took part in, for endpoint-level findings.
struct EndpointSighting {
    let address: IPAddress
    let placement: EndpointPlacement
    var routes: [ObservedRoute]

    func violation(_ check: some TrafficCheck, context: TrafficContext, message: String, remediation: String) -> TrafficViolation {
        let first = routes[0]
        let flow = context.observation.flows[first.flow]
        let zone = placement.zone.flatMap(context.model.zone)
        let finding = Finding(check: check.id, severity: check.severity, message: message, clause: check.clause,
                              location: zone?.location ?? .unknown(context.model.file), subject: "endpoint:\(address)", remediation: remediation,
                              evidence: [context.framesLine(flow.sampleFrames, capture: flow.capture)] + routes.prefix(5).map(context.summary)
                                  + (routes.count > 5 ? ["… \(routes.count - 5) more flows"] : []))
        return TrafficViolation(kind: check.kind, flow: first.flow, capture: flow.capture, frames: flow.sampleFrames, conduit: nil,
                                zones: placement.zone.map { [$0] } ?? [], finding: finding)
    }
}

enum EndpointSightings {
    /// Each unicast IP address seen whose placement satisfies `filter`, with the flows it appeared in, in order of first sighting.
    static func collect(_ context: TrafficContext, where filter: (EndpointPlacement) -> Bool) -> [EndpointSighting] {
        var order: [IPAddress] = []
        var byAddress: [IPAddress: EndpointSighting] = [:]
        for route in context.routes {
            let flow = context.observation.flows[route.flow]
            guard !flow.isLayer2 else { continue }
            for (address, placement) in [(flow.client, route.client), (flow.server, route.server)]
            where !EndpointResolver.isGroupAddress(address) && filter(placement) {
                if byAddress[address] == nil {
                    order.append(address)
                    byAddress[address] = EndpointSighting(address: address, placement: placement, routes: [])
                }
                byAddress[address]!.routes.append(route)
            }
        }
        return order.map { byAddress[$0]! }
    }
}
