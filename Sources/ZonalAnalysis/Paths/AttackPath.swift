import HeapModule
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
    static func find(_ model: SystemModel) -> [AttackPath] {
        var adjacency: [String: [(conduit: Conduit, to: String)]] = [:]
        for conduit in model.conduits where conduit.zones.count == 2 {
            let (a, b) = (conduit.zones[0], conduit.zones[1])
            if conduit.permitsDirection(from: a, to: b) { adjacency[a, default: []].append((conduit, b)) }
            if conduit.permitsDirection(from: b, to: a) { adjacency[b, default: []].append((conduit, a)) }
        }
        for key in adjacency.keys { adjacency[key]!.sort { ($0.conduit.id, $0.to) < ($1.conduit.id, $1.to) } }

        let entries = model.zones.filter { $0.kind.isBusiness }
        let targets = Set(model.zones.filter { $0.kind == .control || $0.kind == .safety }.map(\.id))
        var paths: [AttackPath] = []
        for entry in entries {
            let (cost, previous) = shortest(from: entry.id, adjacency: adjacency)
            for target in model.zones where targets.contains(target.id) && cost[target.id] != nil && target.id != entry.id {
                var hops: [AttackPath.Hop] = []
                var at = target.id
                while let step = previous[at] {
                    hops.append(AttackPath.Hop(from: step.from, conduit: step.conduit.id, to: at, enforcement: step.conduit.enforcement))
                    at = step.from
                }
                paths.append(AttackPath(entry: entry.id, target: target.id, hops: hops.reversed()))
            }
        }
        return paths
    }

    /// Path cost: (strongest barrier, total strength, hops), compared in that order.
    private struct Cost: Comparable {
        let barrier: Int, total: Int, hops: Int
        static func < (l: Cost, r: Cost) -> Bool { (l.barrier, l.total, l.hops) < (r.barrier, r.total, r.hops) }
    }

    /// A zone waiting in Dijkstra's frontier; ties broken by zone id so results never depend on hashing.
    private struct Pending: Comparable {
        let cost: Cost, zone: String
        static func < (l: Pending, r: Pending) -> Bool { (l.cost, l.zone) < (r.cost, r.zone) }
    }

    private static func shortest(from source: String, adjacency: [String: [(conduit: Conduit, to: String)]])
        -> ([String: Cost], [String: (from: String, conduit: Conduit)]) {
        var cost: [String: Cost] = [source: Cost(barrier: 0, total: 0, hops: 0)]
        var previous: [String: (from: String, conduit: Conduit)] = [:]
        var done: Set<String> = []
        var frontier = Heap<Pending>()
        frontier.insert(Pending(cost: cost[source]!, zone: source))
        while let pending = frontier.popMin() {
            let (c, zone) = (pending.cost, pending.zone)
            if done.contains(zone) { continue }
            done.insert(zone)
            for (conduit, next) in adjacency[zone] ?? [] where !done.contains(next) {
                let s = conduit.enforcement.strength
                let candidate = Cost(barrier: max(c.barrier, s), total: c.total + s, hops: c.hops + 1)
                if cost[next].map({ candidate < $0 }) ?? true {
                    cost[next] = candidate
                    previous[next] = (zone, conduit)
                    frontier.insert(Pending(cost: candidate, zone: next))
                }
            }
        }
        return (cost, previous)
    }
}
