import HeapModule
import IEC62443
import ZonalModel

/// The least protected way from an entry zone (enterprise or external) to a control or safety zone, hop by hop.
public struct AttackPath: Hashable, Sendable {
    /// One crossing: from a zone, through a conduit, into the next zone.
    public struct Hop: Hashable, Sendable {
        public let from: String
        public let conduit: String
        public let to: String
        public let enforcement: Enforcement
    }

    public let entry: String
    public let target: String
    public let hops: [Hop]

    /// The strongest barrier on the path: what the attacker must defeat at least once.
    public var barrier: Hop? { hops.max { $0.enforcement.strength < $1.enforcement.strength } }
    /// The weakest crossing on the path.
    public var weakLink: Hop? { hops.min { $0.enforcement.strength < $1.enforcement.strength } }
    /// The path's protection: the strength of its strongest barrier (0 none … 4 data diode).
    public var protection: Int { barrier?.enforcement.strength ?? 0 }

    /// `corp → [it-dmz: firewall] → dmz → [dmz-bpcs: firewall] → bpcs`.
    public var description: String {
        guard let first = hops.first else { return entry }
        return hops.reduce(first.from) { "\($0) → [\($1.conduit): \($1.enforcement.rawValue)] → \($1.to)" }
    }
}

/// Finds, for every entry zone and every control or safety zone it can reach, the path with the least protection.
///
/// "Least protection" is a bottleneck criterion: an attacker must defeat every conduit on a path, so the path is as
/// strong as its strongest barrier; among equally strong paths, the one with less total protection and fewer hops wins.
/// One-way conduits can be crossed only in their direction. Dijkstra's algorithm works on this ordering because
/// adding a hop never makes a path weaker.
enum AttackPathFinder {
    /// A directed crossing of the zone graph, by index: conduit `conduit` leads to zone `to` with `strength`.
    private struct Edge {
        let conduit: Int, to: Int, strength: Int
    }

    /// The least protected path for every pair of entry zone and control or safety zone (what `zonal paths` lists).
    static func find(_ model: SystemModel) -> [AttackPath] {
        let graph = Graph(model)
        return model.zones.indices.filter { model.zones[$0].kind.isBusiness }.flatMap { entry in
            graph.paths(from: [entry])
        }
    }

    /// For every control or safety zone, the least protected path from any entry zone, taken once per group of entry
    /// zones with the same SL-T. Whether a path is adequately protected depends only on the entry's SL-T, the target's
    /// and the path's strongest barrier, so the weakest path of each group decides for all its members — and one
    /// multi-source search per group keeps the cost linear in the plant where all pairs would grow with its square.
    static func weakestPerEntryLevel(_ model: SystemModel) -> [AttackPath] {
        let graph = Graph(model)
        var groups: [SLVector: [Int]] = [:]
        var order: [SLVector] = []
        for (i, zone) in model.zones.enumerated() where zone.kind.isBusiness {
            if groups[zone.slTarget] == nil { order.append(zone.slTarget) }
            groups[zone.slTarget, default: []].append(i)
        }
        return order.flatMap { graph.paths(from: groups[$0]!) }
    }

    /// The zone graph by index: integer indices keep the searches free of string hashing and struct copies.
    private struct Graph {
        let model: SystemModel
        let adjacency: [[Edge]]
        let isTarget: [Bool]

        init(_ model: SystemModel) {
            self.model = model
            var zoneIndex: [String: Int] = [:]
            for (i, zone) in model.zones.enumerated() { zoneIndex[zone.id] = i }
            var adjacency = Array(repeating: [Edge](), count: model.zones.count)
            for (c, conduit) in model.conduits.enumerated() where conduit.zones.count == 2 {
                guard let a = zoneIndex[conduit.zones[0]], let b = zoneIndex[conduit.zones[1]] else { continue }
                let s = conduit.enforcement.strength
                if conduit.permitsDirection(from: conduit.zones[0], to: conduit.zones[1]) { adjacency[a].append(Edge(conduit: c, to: b, strength: s)) }
                if conduit.permitsDirection(from: conduit.zones[1], to: conduit.zones[0]) { adjacency[b].append(Edge(conduit: c, to: a, strength: s)) }
            }
            self.adjacency = adjacency
            isTarget = model.zones.map { $0.kind == .control || $0.kind == .safety }
        }

        /// The least protected path from any of `sources` to every target zone reached, in model order of targets.
        func paths(from sources: [Int]) -> [AttackPath] {
            let previous = AttackPathFinder.shortest(from: sources, adjacency: adjacency)
            var paths: [AttackPath] = []
            for target in model.zones.indices where isTarget[target] && previous[target] != nil && !sources.contains(target) {
                var hops: [AttackPath.Hop] = []
                var at = target
                while let step = previous[at], step.conduit >= 0 {
                    let conduit = model.conduits[step.conduit]
                    hops.append(AttackPath.Hop(from: model.zones[step.from].id, conduit: conduit.id, to: model.zones[at].id, enforcement: conduit.enforcement))
                    at = step.from
                }
                paths.append(AttackPath(entry: model.zones[at].id, target: model.zones[target].id, hops: hops.reversed()))
            }
            return paths
        }
    }

    /// Path cost: (strongest barrier, total strength, hops), compared in that order.
    private struct Cost: Comparable {
        let barrier: Int, total: Int, hops: Int
        static func < (l: Cost, r: Cost) -> Bool { (l.barrier, l.total, l.hops) < (r.barrier, r.total, r.hops) }
    }

    /// A zone waiting in Dijkstra's frontier; ties broken by zone index (model order) so results never depend on hashing.
    private struct Pending: Comparable {
        let cost: Cost, zone: Int
        static func < (l: Pending, r: Pending) -> Bool { (l.cost, l.zone) < (r.cost, r.zone) }
    }

    /// For every zone reached from any of `sources`, the step that reached it on the least protected path
    /// (a source maps to itself with conduit -1).
    private static func shortest(from sources: [Int], adjacency: [[Edge]]) -> [(from: Int, conduit: Int)?] {
        var cost = [Cost?](repeating: nil, count: adjacency.count)
        var previous = [(from: Int, conduit: Int)?](repeating: nil, count: adjacency.count)
        var done = [Bool](repeating: false, count: adjacency.count)
        var frontier = Heap<Pending>()
        for source in sources {
            cost[source] = Cost(barrier: 0, total: 0, hops: 0)
            previous[source] = (source, -1)
            frontier.insert(Pending(cost: cost[source]!, zone: source))
        }
        while let pending = frontier.popMin() {
            let zone = pending.zone
            if done[zone] { continue }
            done[zone] = true
            let c = pending.cost
            for edge in adjacency[zone] where !done[edge.to] {
                let candidate = Cost(barrier: max(c.barrier, edge.strength), total: c.total + edge.strength, hops: c.hops + 1)
                if cost[edge.to].map({ candidate < $0 }) ?? true {
                    cost[edge.to] = candidate
                    previous[edge.to] = (zone, edge.conduit)
                    frontier.insert(Pending(cost: candidate, zone: edge.to))
                }
            }
        }
        return previous
    }
}
