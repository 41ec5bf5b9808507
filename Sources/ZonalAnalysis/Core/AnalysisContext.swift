import IEC62443
import ZonalModel

/// Everything the checks read, computed once from the model: members of each zone, conduits by zone and pair,
/// flow routes, requirement assessments and attack paths. Checks are pure functions of this value.
public struct AnalysisContext: Sendable {
    public let model: SystemModel
    public let catalog: Catalog
    /// By zone position, the positions in `model.assets` of the zone's assets, in model order. Positions, not copies:
    /// copying a hundred thousand asset values costs more than all the partitioning checks that read them.
    public let assetPositionsByZone: [[Int]]
    /// By asset position, what the partitioning checks ask of each asset.
    public let assetTraits: [AssetTraits]
    /// By zone position, the positions in `model.conduits` of the conduits that join the zone to another.
    public let conduitPositionsByZone: [[Int]]
    /// Conduits by the zone pair they join; built when asked, as no model check needs it (flow routing works by position).
    public var conduitsBetween: [ZonePair: [Conduit]] {
        var between: [ZonePair: [Conduit]] = [:]
        for conduit in model.conduits where conduit.zones.count == 2 {
            between[ZonePair(conduit.zones[0], conduit.zones[1]), default: []].append(conduit)
        }
        return between
    }
    /// One per flow of the model, in the model's order.
    public let routes: [FlowRoute]
    /// Positions in `routes` of the flows between the two zones of a conduit with inline rules, by zone pair: what the
    /// least-privilege check matches those rules against. Other pairs are left out, as nothing asks for them.
    private let routesForInlineRules: [ZonePair: [Int]]
    public let zoneAssessments: [TargetAssessment]
    public let conduitAssessments: [TargetAssessment]
    public let attackPaths: [AttackPath]
    /// The risk assessment, worked out once for the risk checks and the documents; nil when the model states no risk.
    public private(set) var risk: RiskAssessment?

    public init(model: SystemModel, catalog: Catalog = .bundled) {
        self.model = model
        self.catalog = catalog
        var assetsByZone = [[Int]](repeating: [], count: model.zones.count)
        for a in model.assets.indices { if let z = model.zonePosition(ofAssetAt: a) { assetsByZone[z].append(a) } }
        var conduitsByZone = [[Int]](repeating: [], count: model.zones.count)
        for c in model.conduits.indices {
            guard let (a, b) = model.zonePositions(ofConduitAt: c) else { continue }
            conduitsByZone[a].append(c)
            conduitsByZone[b].append(c)
        }
        assetPositionsByZone = assetsByZone
        assetTraits = model.assets.map(AssetTraits.init)
        conduitPositionsByZone = conduitsByZone
        let routes = FlowRouter.route(model)
        self.routes = routes
        // Keyed by zone positions while gathering, so 200,000 routes hash no id; by zone ids once, at the end.
        var inlinePairs: [Int: [Int]] = [:]
        let zoneCount = model.zones.count
        for (c, conduit) in model.conduits.enumerated() where conduit.allows.contains(where: \.isInlineRule) {
            guard let (a, b) = model.zonePositions(ofConduitAt: c) else { continue }
            inlinePairs[min(a, b) * zoneCount + max(a, b)] = []
        }
        if !inlinePairs.isEmpty {
            for i in routes.indices {
                let ends = model.endpointZonePositions(ofFlowAt: i)
                guard let f = ends.from, let t = ends.to, f != t else { continue }
                let key = min(f, t) * zoneCount + max(f, t)
                if inlinePairs[key] != nil { inlinePairs[key]!.append(i) }
            }
        }
        var routesForInlineRules: [ZonePair: [Int]] = [:]
        for (key, positions) in inlinePairs {
            routesForInlineRules[ZonePair(model.zones[key / zoneCount].id, model.zones[key % zoneCount].id)] = positions
        }
        self.routesForInlineRules = routesForInlineRules
        let evaluator = RequirementEvaluator(model: model, catalog: catalog, assetsByZone: assetsByZone, conduitsByZone: conduitsByZone)
        zoneAssessments = Array(model.zones.indices).parallelMap(minimumChunk: 32) { evaluator.assessZone(at: $0) }
        conduitAssessments = Array(model.conduits.indices).parallelMap { evaluator.assessConduit(at: $0) }
        attackPaths = AttackPathFinder.weakestPerEntryLevel(model)
        // The assessor reads the requirement assessments above, so it runs last, on the otherwise complete context.
        risk = RiskAssessor.assess(self)
    }

    /// The assets of the zone at position `zone` whose traits pass `keep`, in model order: copies, for the few zones
    /// a finding names.
    public func assets(inZoneAt zone: Int, where keep: (AssetTraits) -> Bool = { _ in true }) -> [Asset] {
        assetPositionsByZone[zone].filter { keep(assetTraits[$0]) }.map { model.assets[$0] }
    }

    /// The least protected path for every pair of entry zone and control or safety zone; `attackPaths` keeps, per
    /// target, only the weakest path of each group of entry zones with the same SL-T, which is what the checks need.
    public func allAttackPaths() -> [AttackPath] {
        AttackPathFinder.find(model)
    }

    /// The routes of flows between two different zones, for a zone pair joined by a conduit with inline rules.
    public func routes(between pair: ZonePair) -> [FlowRoute] {
        (routesForInlineRules[pair] ?? []).map { routes[$0] }
    }

    /// The largest per-FR difference of SL-T between two zones.
    public func levelDifference(_ a: Zone, _ b: Zone) -> Int {
        FoundationalRequirement.allCases.map { abs(a.slTarget[$0].rawValue - b.slTarget[$0].rawValue) }.max() ?? 0
    }
}
