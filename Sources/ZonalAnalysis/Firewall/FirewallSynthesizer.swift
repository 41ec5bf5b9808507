import ZonalFirewall
import ZonalModel

/// The least-privilege permits of a model: one per flow a conduit allows (and per inline conduit rule), in the conduit's direction.
public enum FirewallSynthesizer {
    /// The permits of every conduit, or of the conduits of one firewall (using its interface map).
    public static func rules(_ model: SystemModel, firewall: FirewallBinding? = nil) -> [PolicyRule] {
        let conduits = firewall.map { f in model.conduits.filter { f.conduits.contains($0.id) } } ?? model.conduits
        var rules: [PolicyRule] = []
        for conduit in conduits where conduit.enforcement != .none {
            for allowance in conduit.allows {
                switch allowance {
                case .flow(let id, _):
                    guard let flow = model.flow(id), let rule = permit(model, firewall, conduit, from: flow.from, to: flow.to, protocol: flow.protocol,
                                                                       transport: flow.transport, port: flow.port,
                                                                       comment: "flow \(flow.id) via conduit \(conduit.id): \(flow.from) -> \(flow.to)\(flow.protocol.map { " \($0)" } ?? "")")
                    else { continue }
                    rules.append(rule)
                case .rule(let r):
                    if let rule = permit(model, firewall, conduit, from: r.from, to: r.to, protocol: r.protocol, transport: r.transport, port: r.port,
                                         comment: "conduit \(conduit.id) rule at line \(r.location.line): \(r.from) -> \(r.to)\(r.protocol.map { " \($0)" } ?? "")") {
                        rules.append(rule)
                    }
                }
            }
        }
        return rules
    }

    private static func permit(_ model: SystemModel, _ firewall: FirewallBinding?, _ conduit: Conduit, from: String, to: String, protocol name: String?,
                               transport: Transport?, port: Int?, comment: String) -> PolicyRule? {
        guard let f = model.zoneID(ofEndpoint: from), let t = model.zoneID(ofEndpoint: to), conduit.permitsDirection(from: f, to: t) else { return nil }
        let sources = TrafficSpace.addresses(of: from, in: model), destinations = TrafficSpace.addresses(of: to, in: model)
        guard !sources.isEmpty, !destinations.isEmpty else { return nil }
        let (protocols, destinationPort) = TrafficSpace.service(protocol: name, transport: transport, port: port)
        return PolicyRule(comment: comment, sources: sources, destinations: destinations, protocols: protocols ?? [], destinationPort: destinationPort,
                          inInterfaces: firewall?.interfaces(of: f) ?? [], outInterfaces: firewall?.interfaces(of: t) ?? [])
    }
}
