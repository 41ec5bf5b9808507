import ZonalModel

/// How a flow of the model crosses the design: its zones, the conduits between them, and whether one of them lets it through.
public struct FlowRoute: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        /// Both ends in one zone: no conduit involved.
        case intraZone
        /// A conduit joining the two zones permits it, in its direction.
        case permitted(conduit: String)
        /// A conduit permits it but only against its one-way direction.
        case againstDirection(conduit: String)
        /// Conduits join the zones but none permits it.
        case notPermitted(conduits: [String])
        /// No conduit joins the two zones.
        case noConduit
        /// An endpoint's zone is unknown (an asset the model places in no zone).
        case unplaced
    }

    // A position in the model's flow list rather than a copy: see `SharedElement`.
    @usableFromInline let shared: SharedElement<Flow>
    public let fromZone: String?
    public let toZone: String?
    public let verdict: Verdict

    init(flows: [Flow], index: Int, fromZone: String?, toZone: String?, verdict: Verdict) {
        shared = SharedElement(flows, index)
        self.fromZone = fromZone
        self.toZone = toZone
        self.verdict = verdict
    }

    @inlinable public var flow: Flow { shared.value }
}

/// Routes every flow of a model onto its conduits. Pure: the same model gives the same routes.
enum FlowRouter {
    static func route(_ model: SystemModel) -> [FlowRoute] {
        let allowances = ConduitAllowances(model), flows = model.flows
        return Array(model.flows.indices).parallelMap { f in
            let ends = model.endpointZonePositions(ofFlowAt: f)
            let fromZone = ends.from.map { model.zones[$0].id }, toZone = ends.to.map { model.zones[$0].id }
            guard let from = ends.from, let to = ends.to else { return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .unplaced) }
            if from == to { return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .intraZone) }
            let candidates = allowances.conduits(between: from, to)
            if candidates.isEmpty { return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .noConduit) }
            var against: String?
            for c in candidates where allowances.permits(c, flowAt: f, model: model) {
                if allowances.permitsDirection(c, from: from, to: to) {
                    return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .permitted(conduit: allowances.id(c)))
                }
                against = against ?? allowances.id(c)
            }
            if let against { return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .againstDirection(conduit: against)) }
            return FlowRoute(flows: flows, index: f, fromZone: fromZone, toZone: toZone, verdict: .notPermitted(conduits: candidates.map(allowances.id)))
        }
    }
}

/// An unordered pair of zone ids, the key for "conduits between these two zones".
public struct ZonePair: Hashable, Sendable {
    public let a: String
    public let b: String

    public init(_ x: String, _ y: String) {
        if x <= y { a = x; b = y } else { a = y; b = x }
    }
}
