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
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    public func zone(_ id: String) -> Zone? { zoneIndex[id].map { zones[$0] } }
    public func asset(_ id: String) -> Asset? { assetIndex[id].map { assets[$0] } }
    public func flow(_ id: String) -> Flow? { flowIndex[id].map { flows[$0] } }
    /// The position of a flow in `flows`, for values kept in flow order (the analysis's routes).
    public func flowPosition(_ id: String) -> Int? { flowIndex[id] }
    public func conduit(_ id: String) -> Conduit? { conduitIndex[id].map { conduits[$0] } }

    /// The zone of a flow or rule endpoint: the zone itself when the id names a zone, else the zone of the named asset.
    public func zoneID(ofEndpoint id: String) -> String? {
        if zoneIndex[id] != nil { return id }
        // Flow routing calls this per endpoint.
        guard let i = assetIndex[id] else { return nil }
        return assetZones[i]
    }
}
