import ZonalModel
import ZonalTraffic

/// Everything the traffic checks read, computed once: the model, the observation, each flow's route, and the resolver.
public struct TrafficContext: Sendable {
    public let model: SystemModel
    public let observation: TrafficObservation
    public let resolver: EndpointResolver
    /// One route per flow, in the observation's order.
    public let routes: [ObservedRoute]

    public init(model: SystemModel, observation: TrafficObservation) {
        self.model = model
        self.observation = observation
        resolver = EndpointResolver(model: model)
        var between: [ZonePair: [Conduit]] = [:]
        for conduit in model.conduits where conduit.zones.count == 2 {
            between[ZonePair(conduit.zones[0], conduit.zones[1]), default: []].append(conduit)
        }
        routes = TrafficRouter.route(observation, model: model, resolver: resolver, conduitsBetween: between)
    }

    /// Where a finding about this route points in the model: the conduit, else the server's asset, else its zone.
    func location(of route: ObservedRoute) -> SourceLocation {
        if let id = route.conduit, let conduit = model.conduit(id) { return conduit.location }
        if let id = route.server.asset, let asset = model.asset(id) { return asset.location }
        if let id = route.server.zone ?? route.client.zone, let zone = model.zone(id) { return zone.location }
        return .unknown(model.file)
    }

    /// "10.100.7.7 (laptop, zone corp)".
    func describe(_ address: String, _ placement: EndpointPlacement) -> String {
        let parts = [placement.asset, placement.zone.map { "zone \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "\(address) (in no zone)" : "\(address) (\(parts.joined(separator: ", ")))"
    }

    /// One line naming the flow's ends, protocol and volume.
    func summary(of route: ObservedRoute) -> String {
        let flow = observation.flows[route.flow]
        let client = describe(flow.client.description, route.client)
        let server = describe("\(flow.server):\(flow.serverPort)/\(flow.transportName)", route.server)
        return "\(client) → \(server), \(flow.protocol.name), \(flow.packets) packets, \(flow.bytes) bytes"
    }

    /// "frames 5, 7, 9 of plant.pcap".
    func framesLine(_ frames: [Int], capture: Int) -> String {
        let source = capture < observation.sources.count ? observation.sources[capture] : "capture"
        let noun = observation.fromFlowLogs ? "records" : "frames"
        return "\(noun) \(frames.map(String.init).joined(separator: ", ")) of \(source)"
    }
}
