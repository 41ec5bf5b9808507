import ZonalModel

/// What every conduit of a plant permits, prepared for routing all its flows at once: conduits by zone pair, the
/// flows each conduit names, and inline rules, all by conduit position in the model.
///
/// The same decision as `ConduitMatcher.permits`, but positions rather than copies of conduits: routing hundreds of
/// thousands of flows would otherwise copy a whole conduit per candidate, and contend on its reference counts across cores.
struct ConduitAllowances: Sendable {
    private let ids: [String]
    private let directions: [ConduitDirection]
    /// Enforcement `none` filters nothing, so it permits every flow.
    private let filtersNothing: [Bool]
    private let inlineRules: [[InlineRule]]
    /// One small set per conduit rather than one plant-wide table: each lookup stays within the cache.
    private let namedFlows: [Set<String>]
    private let byPair: [ZonePair: [Int]]

    init(_ conduits: [Conduit]) {
        ids = conduits.map(\.id)
        directions = conduits.map(\.direction)
        filtersNothing = conduits.map { $0.enforcement == .none }
        inlineRules = conduits.map { conduit in
            conduit.allows.compactMap { if case .rule(let r) = $0 { r } else { nil } }
        }
        namedFlows = conduits.parallelMap(minimumChunk: 64) { conduit in
            var ids = Set<String>(minimumCapacity: conduit.allows.count)
            for case .flow(let id, _) in conduit.allows { ids.insert(id) }
            return ids
        }
        var byPair: [ZonePair: [Int]] = [:]
        for (c, conduit) in conduits.enumerated() where conduit.zones.count == 2 {
            byPair[ZonePair(conduit.zones[0], conduit.zones[1]), default: []].append(c)
        }
        self.byPair = byPair
    }

    /// The positions of the conduits joining two zones, in model order.
    func conduits(between pair: ZonePair) -> [Int] { byPair[pair] ?? [] }

    func id(_ c: Int) -> String { ids[c] }

    func permitsDirection(_ c: Int, from: String, to: String) -> Bool { directions[c].permits(from: from, to: to) }

    /// `ConduitMatcher.permits` for the conduit at position `c`.
    func permits(_ c: Int, flow: Flow, model: SystemModel) -> Bool {
        filtersNothing[c] || namedFlows[c].contains(flow.id)
            || inlineRules[c].contains { ConduitMatcher.covers($0, flow: flow, model: model) }
    }
}
