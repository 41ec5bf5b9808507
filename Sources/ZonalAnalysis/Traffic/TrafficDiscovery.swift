import ZonalModel
import ZonalTraffic

/// A model fragment proposed from traffic alone: hosts grouped by subnet into candidate zones, with what they serve and use, and the flows seen.
public struct DiscoveredPlant: Sendable {
    public struct Host: Sendable {
        public let address: IPAddress
        public var mac: UInt64
        /// Protocols it was contacted on as a server, with the ports.
        public var serves: Set<String>
        /// Protocols it opened connections with.
        public var uses: Set<String>
    }

    public struct CandidateZone: Sendable {
        public let network: IPNetwork
        public var hosts: [Host]
    }

    public struct SeenFlow: Sendable, Hashable {
        public let from: IPAddress
        public let to: IPAddress
        public let `protocol`: String
        public let port: Int
        public let transport: String
        public let functions: [String]
    }

    public let zones: [CandidateZone]
    public let flows: [SeenFlow]
}

/// Proposes zones (one per /24 or /64 seen) and assets from an observation. Pure.
public enum TrafficDiscovery {
    public static func discover(_ observation: TrafficObservation) -> DiscoveredPlant {
        var hosts: [IPAddress: DiscoveredPlant.Host] = [:]
        var flows: Set<DiscoveredPlant.SeenFlow> = []
        for flow in observation.flows where !flow.isLayer2 {
            let service = "\(flow.protocol.name) \(flow.transportName)/\(flow.serverPort)"
            if !EndpointResolver.isGroupAddress(flow.client) {
                hosts[flow.client, default: .init(address: flow.client, mac: flow.clientMAC, serves: [], uses: [])].uses.insert(service)
            }
            if !EndpointResolver.isGroupAddress(flow.server) {
                hosts[flow.server, default: .init(address: flow.server, mac: flow.serverMAC, serves: [], uses: [])].serves.insert(service)
            }
            flows.insert(.init(from: flow.client, to: flow.server, protocol: flow.protocol.name, port: Int(flow.serverPort),
                               transport: flow.transportName, functions: TrafficRouter.functionNames(flow)))
        }
        var zones: [IPNetwork: [DiscoveredPlant.Host]] = [:]
        for host in hosts.values {
            let prefix = host.address.family == .v4 ? 24 : 64
            let network = IPNetwork(address: IPNetwork(address: host.address, prefixLength: prefix).first, prefixLength: prefix)
            zones[network, default: []].append(host)
        }
        let ordered = zones.keys.sorted { ($0.address, $0.prefixLength) < ($1.address, $1.prefixLength) }
        return DiscoveredPlant(zones: ordered.map { .init(network: $0, hosts: zones[$0]!.sorted { $0.address < $1.address }) },
                               flows: flows.sorted { ($0.from, $0.to, $0.port, $0.protocol) < ($1.from, $1.to, $1.port, $1.protocol) })
    }
}
