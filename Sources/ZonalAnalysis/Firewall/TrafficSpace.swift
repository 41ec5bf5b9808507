import ZonalFirewall
import ZonalModel

/// Turns what the model says about traffic (flows, conduit rules, zones) into regions of a ruleset's packet space.
public struct TrafficSpace: Sendable {
    public let model: SystemModel
    public let evaluator: RulesetEvaluator
    public let binding: FirewallBinding

    /// The addresses of a flow or rule endpoint: an asset's addresses (its zone's networks when it has none), or a zone's networks.
    public func addresses(of endpoint: String) -> [AddressRange] { TrafficSpace.addresses(of: endpoint, in: model) }

    public static func addresses(of endpoint: String, in model: SystemModel) -> [AddressRange] {
        if let zone = model.zone(endpoint) { return zone.networks.map(AddressRange.init) }
        guard let asset = model.asset(endpoint) else { return [] }
        if !asset.addresses.isEmpty { return asset.addresses.map { AddressRange($0, $0) } }
        return asset.zone.flatMap(model.zone)?.networks.map(AddressRange.init) ?? []
    }

    /// New connections from `from` to `to` with the protocol, transport and port given (any when nil), entering and leaving by the zones' interfaces.
    public func region(from: String, to: String, protocol name: String?, transport: Transport?, port: Int?) -> [PacketBox] {
        let sources = addresses(of: from), destinations = addresses(of: to)
        guard !sources.isEmpty, !destinations.isEmpty else { return [] }
        var conditions: [RuleCondition] = [.addresses(.source, sources, negated: false), .addresses(.destination, destinations, negated: false),
                                           .states([.new])]
        let (protocols, destinationPort) = TrafficSpace.service(protocol: name, transport: transport, port: port)
        if let protocols { conditions.append(.values(.proto, protocols.map { $0...$0 }, negated: false)) }
        if let p = destinationPort { conditions.append(.values(.destinationPort, [p...p], negated: false)) }
        for (d, endpoint) in [(Dimension.inInterface, from), (.outInterface, to)] {
            if let zone = model.zoneID(ofEndpoint: endpoint) {
                let names = binding.interfaces(of: zone)
                if !names.isEmpty { conditions.append(.interfaces(d, names, negated: false)) }
            }
        }
        return evaluator.region(conditions)
    }

    /// The IP protocols (nil for any) and destination port (nil for any) of a flow or rule: its transport and port as stated,
    /// else the registered ones of its protocol name, else TCP and UDP when it names a port or protocol at all.
    public static func service(protocol name: String?, transport: Transport?, port: Int?) -> (protocols: [Int]?, port: Int?) {
        let known = name.flatMap { ServicePorts.wellKnown[$0.lowercased()] }
        let protocols: [Int]?
        switch transport {
        case .tcp?: protocols = [ProtocolNumbers.tcp]
        case .udp?: protocols = [ProtocolNumbers.udp]
        case .any?: protocols = [ProtocolNumbers.tcp, ProtocolNumbers.udp]
        case nil: protocols = known.map { [$0.proto] } ?? ((port != nil || name != nil) ? [ProtocolNumbers.tcp, ProtocolNumbers.udp] : nil)
        }
        return (protocols, port ?? known?.port)
    }

    public func region(of flow: Flow) -> [PacketBox] {
        region(from: flow.from, to: flow.to, protocol: flow.protocol, transport: flow.transport, port: flow.port)
    }

    /// Everything a conduit allows, in its direction; a conduit that enforces nothing allows all traffic between its zones.
    public func region(of conduit: Conduit) -> [PacketBox] {
        guard conduit.zones.count == 2 else { return [] }
        if conduit.enforcement == .none {
            return region(from: conduit.zones[0], to: conduit.zones[1], protocol: nil, transport: nil, port: nil)
                + region(from: conduit.zones[1], to: conduit.zones[0], protocol: nil, transport: nil, port: nil)
        }
        return conduit.allows.flatMap { allowance -> [PacketBox] in
            switch allowance {
            case .flow(let id, _):
                guard let flow = model.flow(id), let f = model.zoneID(ofEndpoint: flow.from), let t = model.zoneID(ofEndpoint: flow.to),
                      conduit.permitsDirection(from: f, to: t) else { return [] }
                return region(of: flow)
            case .rule(let rule):
                guard let f = model.zoneID(ofEndpoint: rule.from), let t = model.zoneID(ofEndpoint: rule.to), conduit.permitsDirection(from: f, to: t) else { return [] }
                return region(from: rule.from, to: rule.to, protocol: rule.protocol, transport: rule.transport, port: rule.port)
            }
        }
    }
}
