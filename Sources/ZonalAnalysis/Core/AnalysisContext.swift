import IEC62443
import ZonalModel

/// Everything the checks read, computed once from the model: members of each zone, conduits by zone and pair,
/// flow routes, requirement assessments and attack paths. Checks are pure functions of this value.
public struct AnalysisContext: Sendable {
    public let model: SystemModel
    public let catalog: Catalog
    public let assetsByZone: [String: [Asset]]
    public let conduitsByZone: [String: [Conduit]]
    public let conduitsBetween: [ZonePair: [Conduit]]
    public let routes: [FlowRoute]
    /// Routes of flows between two different zones, by zone pair.
    public let routesBetween: [ZonePair: [FlowRoute]]
    private let routeIndex: [String: Int]
    public let zoneAssessments: [TargetAssessment]
    public let conduitAssessments: [TargetAssessment]
    public let attackPaths: [AttackPath]
    /// The risk assessment, worked out once for the risk checks and the documents; nil when the model states no risk.
    public private(set) var risk: RiskAssessment?

    public init(model: SystemModel, catalog: Catalog = .bundled) {
        self.model = model
        self.catalog = catalog
        var assetsByZone: [String: [Asset]] = [:]
        for asset in model.assets { if let zone = asset.zone { assetsByZone[zone, default: []].append(asset) } }
        var conduitsByZone: [String: [Conduit]] = [:]
        var conduitsBetween: [ZonePair: [Conduit]] = [:]
        for conduit in model.conduits where conduit.zones.count == 2 {
            conduitsByZone[conduit.zones[0], default: []].append(conduit)
            conduitsByZone[conduit.zones[1], default: []].append(conduit)
            conduitsBetween[ZonePair(conduit.zones[0], conduit.zones[1]), default: []].append(conduit)
        }
        self.assetsByZone = assetsByZone
        self.conduitsByZone = conduitsByZone
        self.conduitsBetween = conduitsBetween
        routes = FlowRouter.route(model, conduitsBetween: conduitsBetween)
        var routesBetween: [ZonePair: [FlowRoute]] = [:]
        for route in routes {
            if let f = route.fromZone, let t = route.toZone, f != t { routesBetween[ZonePair(f, t), default: []].append(route) }
        }
        self.routesBetween = routesBetween
        var routeIndex: [String: Int] = [:]
        routeIndex.reserveCapacity(routes.count)
        for (i, route) in routes.enumerated() where routeIndex[route.flow.id] == nil { routeIndex[route.flow.id] = i }
        self.routeIndex = routeIndex
        let evaluator = RequirementEvaluator(model: model, catalog: catalog, assetsByZone: assetsByZone, conduitsByZone: conduitsByZone)
        zoneAssessments = model.zones.parallelMap(minimumChunk: 32) { evaluator.assessZone($0) }
        conduitAssessments = model.conduits.parallelMap { evaluator.assessConduit($0) }
        attackPaths = AttackPathFinder.weakestPerEntryLevel(model)
        // The assessor reads the requirement assessments above, so it runs last, on the otherwise complete context.
        risk = RiskAssessor.assess(self)
    }

    /// The least protected path for every pair of entry zone and control or safety zone; `attackPaths` keeps, per
    /// target, only the weakest path of each group of entry zones with the same SL-T, which is what the checks need.
    public func allAttackPaths() -> [AttackPath] {
        AttackPathFinder.find(model)
    }

    /// The route of a flow by id: its endpoint zones and verdict, worked out once.
    public func route(ofFlow id: String) -> FlowRoute? {
        routeIndex[id].map { routes[$0] }
    }

    /// The SL-T a conduit is held to: as stated, else the per-FR maximum of its zones.
    public func target(of conduit: Conduit) -> SLVector {
        conduit.slTarget ?? conduit.zones.compactMap { model.zone($0)?.slTarget }.reduce(SLVector.zero) { $0.union($1) }
    }

    /// The largest per-FR difference of SL-T between two zones.
    public func levelDifference(_ a: Zone, _ b: Zone) -> Int {
        FoundationalRequirement.allCases.map { abs(a.slTarget[$0].rawValue - b.slTarget[$0].rawValue) }.max() ?? 0
    }
}
