/// The validated plant model: an immutable value that the analysis reads. Built only by `ModelLoader`, which guarantees its references resolve.
public struct SystemModel: Sendable {
    public let file: String
    public let system: SystemInfo
    public let zones: [Zone]
    public let assets: [Asset]
    public let flows: [Flow]
    public let conduits: [Conduit]
    public let countermeasures: [Countermeasure]
    public let policy: EnforcementPolicy
    /// Facts about the operating and threat environment stated for the requirements specification.
    public let environment: [String: String]
    /// The risk criteria the model states; nil when it relies on `RiskCriteria.default`.
    public let riskCriteria: RiskCriteria?
    /// The threat scenarios of the risk assessment; empty when the model has none.
    public let threatScenarios: [ThreatScenario]
    /// Firewalls whose rulesets enforce conduits.
    public let firewalls: [FirewallBinding]

    private let zoneIndex: [String: Int]
    private let assetIndex: [String: Int]
    private let flowIndex: [String: Int]
    private let conduitIndex: [String: Int]
    /// Each asset's zone, by asset position: a compact copy of one field, so resolving hundreds of thousands of flow
    /// endpoints reads a small array rather than a whole asset value each time (which misses the cache on large plants).
    private let assetZones: [String?]
    /// Each asset's zone as a position in `zones` (-1: none), for grouping assets by zone without hashing ids.
    private let assetZonePositions: [Int32]
    /// The references the loader resolved, kept as positions in `zones` and `flows` (-1: none) so that the analysis,
    /// which reads them hundreds of thousands of times, never hashes an id again: at 100,000 assets the id tables no
    /// longer fit the cache, and each lookup there is a cache miss. Two entries per flow (from, to) and per conduit.
    private let flowEndZones: [Int32]
    private let conduitZones: [Int32]
    /// Per conduit, the position of the flow each of its `allows` entries names, in entry order (-1 for inline rules).
    private let allowedFlows: [[Int32]]

    public init(file: String, system: SystemInfo, zones: [Zone], assets: [Asset], flows: [Flow], conduits: [Conduit],
                countermeasures: [Countermeasure], policy: EnforcementPolicy = .default, environment: [String: String] = [:],
                riskCriteria: RiskCriteria? = nil, threatScenarios: [ThreatScenario] = [],
                firewalls: [FirewallBinding] = []) {
        self.file = file
        self.system = system
        self.zones = zones
        self.assets = assets
        self.flows = flows
        self.conduits = conduits
        self.countermeasures = countermeasures
        self.policy = policy
        self.environment = environment
        self.riskCriteria = riskCriteria
        self.threatScenarios = threatScenarios
        self.firewalls = firewalls
        zoneIndex = SystemModel.index(zones.map(\.id))
        assetIndex = SystemModel.index(assets.map(\.id))
        flowIndex = SystemModel.index(flows.map(\.id))
        conduitIndex = SystemModel.index(conduits.map(\.id))
        assetZones = assets.map(\.zone)
        let zoneIndex = self.zoneIndex, assetIndex = self.assetIndex, flowIndex = self.flowIndex
        let assetZonePositions: [Int32] = assets.map { asset in asset.zone.flatMap { zoneIndex[$0] }.map(Int32.init) ?? -1 }
        self.assetZonePositions = assetZonePositions
        func endpointZone(_ id: String) -> Int32 {
            if let z = zoneIndex[id] { return Int32(z) }
            return assetIndex[id].map { assetZonePositions[$0] } ?? -1
        }
        var flowEndZones = [Int32](repeating: -1, count: flows.count * 2)
        for i in flows.indices {
            flowEndZones[2 * i] = endpointZone(flows[i].from)
            flowEndZones[2 * i + 1] = endpointZone(flows[i].to)
        }
        self.flowEndZones = flowEndZones
        var conduitZones = [Int32](repeating: -1, count: conduits.count * 2)
        for (c, conduit) in conduits.enumerated() where conduit.zones.count == 2 {
            if let a = zoneIndex[conduit.zones[0]], let b = zoneIndex[conduit.zones[1]] {
                conduitZones[2 * c] = Int32(a)
                conduitZones[2 * c + 1] = Int32(b)
            }
        }
        self.conduitZones = conduitZones
        allowedFlows = conduits.map { conduit in
            conduit.allows.map { entry in
                if case .flow(let id, _) = entry, let f = flowIndex[id] { Int32(f) } else { -1 }
            }
        }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    public func zone(_ id: String) -> Zone? { zoneIndex[id].map { zones[$0] } }
    /// The position of a zone in `zones`.
    public func zonePosition(_ id: String) -> Int? { zoneIndex[id] }
    public func asset(_ id: String) -> Asset? { assetIndex[id].map { assets[$0] } }
    public func flow(_ id: String) -> Flow? { flowIndex[id].map { flows[$0] } }
    /// The position of a flow in `flows`, for values kept in flow order (the analysis's routes).
    public func flowPosition(_ id: String) -> Int? { flowIndex[id] }
    public func conduit(_ id: String) -> Conduit? { conduitIndex[id].map { conduits[$0] } }

    /// The positions in `zones` of the zones of the flow at position `flow`'s two ends; nil for an end in no zone.
    public func endpointZonePositions(ofFlowAt flow: Int) -> (from: Int?, to: Int?) {
        let from = flowEndZones[2 * flow], to = flowEndZones[2 * flow + 1]
        return (from < 0 ? nil : Int(from), to < 0 ? nil : Int(to))
    }

    /// The position in `zones` of the zone of the asset at position `asset`; nil when it is in no zone.
    public func zonePosition(ofAssetAt asset: Int) -> Int? {
        let z = assetZonePositions[asset]
        return z < 0 ? nil : Int(z)
    }

    /// The positions in `zones` of the two zones the conduit at position `conduit` joins; nil unless it joins two.
    public func zonePositions(ofConduitAt conduit: Int) -> (Int, Int)? {
        let a = conduitZones[2 * conduit], b = conduitZones[2 * conduit + 1]
        return a < 0 || b < 0 ? nil : (Int(a), Int(b))
    }

    /// For each `allows` entry of the conduit at position `conduit`, in order, the position in `flows` of the flow it
    /// names; -1 for an inline rule.
    public func allowedFlowPositions(ofConduitAt conduit: Int) -> [Int32] { allowedFlows[conduit] }

    /// The zone of a flow or rule endpoint: the zone itself when the id names a zone, else the zone of the named asset.
    public func zoneID(ofEndpoint id: String) -> String? {
        if zoneIndex[id] != nil { return id }
        // Flow routing calls this per endpoint.
        guard let i = assetIndex[id] else { return nil }
        return assetZones[i]
    }
}
