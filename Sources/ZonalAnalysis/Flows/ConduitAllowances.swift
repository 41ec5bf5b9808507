import ZonalModel

/// What every conduit of a plant permits, prepared for routing all its flows at once: the conduits of each zone, the
/// flows each conduit names, and inline rules, all by position in the model.
///
/// The same decision as `ConduitMatcher.permits`, but on the positions the loader resolved rather than on ids: routing
/// hundreds of thousands of flows would otherwise hash several ids per flow in tables too large for the cache.
struct ConduitAllowances: Sendable {
    private let ids: [String]
    /// For a one-way conduit, the positions of the zones it sends from and to; nil when it is two-way.
    private let oneWay: [(from: Int, to: Int)?]
    /// Enforcement `none` filters nothing, so it permits every flow.
    private let filtersNothing: [Bool]
    private let inlineRules: [[InlineRule]]
    /// `inlineRules[c]` is not empty: a flag array that stays in the cache, so a conduit without inline rules costs
    /// no load of its (empty) rule list per flow.
    private let hasInlineRules: [Bool]
    /// By flow position, the conduits that name the flow: `namingConduits[namingStart[f] ..< namingStart[f + 1]]`.
    /// Kept by flow, in one block, because routing walks the flows in order: per conduit it was one small array each,
    /// and loading a candidate conduit's array missed the cache for nearly every flow of a large plant.
    private let namingStart: [Int32]
    private let namingConduits: [Int32]
    /// Per zone position, its conduits in model order with the position of the zone on the other side.
    private let byZone: [[(other: Int32, conduit: Int32)]]

    init(_ model: SystemModel) {
        let conduits = model.conduits
        ids = conduits.map(\.id)
        oneWay = conduits.map { conduit in
            guard case .oneWay(let from, let to) = conduit.direction else { return nil }
            // An id that names no zone matches no flow's zone, as the id comparison it replaces would not.
            return (model.zonePosition(from) ?? -1, model.zonePosition(to) ?? -1)
        }
        filtersNothing = conduits.map { $0.enforcement == .none }
        inlineRules = conduits.map { conduit in
            conduit.allows.compactMap { if case .rule(let r) = $0 { r } else { nil } }
        }
        hasInlineRules = inlineRules.map { !$0.isEmpty }
        var counts = [Int32](repeating: 0, count: model.flows.count + 1)
        for c in conduits.indices { for f in model.allowedFlowPositions(ofConduitAt: c) where f >= 0 { counts[Int(f) + 1] += 1 } }
        for f in model.flows.indices { counts[f + 1] += counts[f] }
        var next = counts, naming = [Int32](repeating: 0, count: Int(counts[model.flows.count]))
        for c in conduits.indices {
            for f in model.allowedFlowPositions(ofConduitAt: c) where f >= 0 {
                naming[Int(next[Int(f)])] = Int32(c)
                next[Int(f)] += 1
            }
        }
        namingStart = counts
        namingConduits = naming
        var byZone = [[(other: Int32, conduit: Int32)]](repeating: [], count: model.zones.count)
        for c in conduits.indices {
            guard let (a, b) = model.zonePositions(ofConduitAt: c) else { continue }
            byZone[a].append((Int32(b), Int32(c)))
            if a != b { byZone[b].append((Int32(a), Int32(c))) }
        }
        self.byZone = byZone
    }

    /// The positions of the conduits joining two zones (by position), in model order.
    func conduits(between a: Int, _ b: Int) -> [Int] {
        byZone[a].compactMap { $0.other == b ? Int($0.conduit) : nil }
    }

    func id(_ c: Int) -> String { ids[c] }

    func permitsDirection(_ c: Int, from: Int, to: Int) -> Bool {
        guard let oneWay = oneWay[c] else { return true }
        return oneWay.from == from && oneWay.to == to
    }

    /// `ConduitMatcher.permits` for the conduit at position `c` and the flow at position `f`.
    func permits(_ c: Int, flowAt f: Int, model: SystemModel) -> Bool {
        filtersNothing[c] || namingConduits[Int(namingStart[f]) ..< Int(namingStart[f + 1])].contains(Int32(c))
            || hasInlineRules[c] && inlineRules[c].contains { ConduitMatcher.covers($0, flow: model.flows[f], model: model) }
    }
}
