import ZonalModel

/// Computes exactly what a ruleset does with every packet of a region: first match within a chain, jumps, gotos and returns,
/// chain policies, and every base chain of the forward hook in priority order (a packet must be accepted by all of them).
public struct RulesetEvaluator: Sendable {
    public let ruleset: Ruleset
    public let interfaces: InterfaceTable
    private let compiled: [String: [CompiledRule]]
    private let chainOrder: [Chain]

    /// Why a ruleset cannot be evaluated.
    public enum EvaluationError: Error, CustomStringConvertible, Equatable {
        case unknownChain(String, from: String)
        case loop(String)

        public var description: String {
            switch self {
            case .unknownChain(let chain, let from): "rule \(from) jumps to chain '\(chain)', which the file does not define"
            case .loop(let chain): "the jumps through chain '\(chain)' form a loop (the kernel would refuse this ruleset)"
            }
        }
    }

    /// Compiles every rule; `interfaceNames` adds names the model uses (so they are told apart from "any other interface").
    public init(_ ruleset: Ruleset, interfaceNames: [String] = []) throws(EvaluationError) {
        self.ruleset = ruleset
        var names = Set(interfaceNames)
        for chain in ruleset.chains.values {
            for rule in chain.rules {
                for case .interfaces(_, let written, _) in rule.conditions { names.formUnion(written) }
            }
        }
        let table = InterfaceTable(names: Array(names))
        interfaces = table
        var compiled: [String: [CompiledRule]] = [:]
        for key in ruleset.chainOrder {
            guard let chain = ruleset.chains[key] else { continue }
            compiled[key] = chain.rules.enumerated().map { i, rule in
                CompiledRule(rule: rule, id: RuleID(chain: key, index: i), chainFamily: chain.family, interfaces: table)
            }
            for rule in chain.rules {
                switch rule.action {
                case .jump(let target), .goto(let target):
                    if ruleset.chains[target] == nil { throw .unknownChain(target, from: rule.reference) }
                default: break
                }
            }
        }
        self.compiled = compiled
        chainOrder = ruleset.forwardChains
        try checkLoops()
    }

    private func checkLoops() throws(EvaluationError) {
        var state: [String: Int] = [:] // 1 visiting, 2 done
        func visit(_ key: String) -> String? {
            if state[key] == 2 { return nil }
            if state[key] == 1 { return key }
            state[key] = 1
            for rule in ruleset.chains[key]?.rules ?? [] {
                switch rule.action {
                case .jump(let t), .goto(let t): if let loop = visit(t) { return loop }
                default: break
                }
            }
            state[key] = 2
            return nil
        }
        for key in ruleset.chainOrder { if let loop = visit(key) { throw .loop(loop) } }
    }

    /// The whole space of one or both families.
    public func universe(families: [IPAddress.Family] = [.v4, .v6]) -> [PacketBox] {
        families.map { PacketBox(family: $0, interfaces: interfaces.count) }
    }

    /// What the forward hook decides for every packet of `space`, as disjoint decided regions.
    /// A ruleset with no forward chain accepts everything (the kernel's behaviour with no filtering), attributed to no rule.
    public func decide(_ space: [PacketBox]) -> [Decision] {
        var reach: [RuleID: [PacketBox]]? = nil
        return decide(space, reach: &reach)
    }

    /// Decides `space` and also returns, for every rule that matched something, the packets that reached it and matched.
    public func decideRecordingReach(_ space: [PacketBox]) -> (decisions: [Decision], reach: [RuleID: [PacketBox]]) {
        var reach: [RuleID: [PacketBox]]? = [:]
        let decisions = decide(space, reach: &reach)
        return (decisions, reach ?? [:])
    }

    /// The rules of every chain that can match inside `bounds`, computed once to decide many small regions within it quickly.
    public struct Scope: Sendable {
        fileprivate let candidates: [String: [CompiledRule]]

        /// False when no rule of any chain can match inside `bounds`: only chain policies decide there.
        public func touches(_ bounds: PacketBox) -> Bool {
            candidates.values.contains { $0.contains { $0.bounds?.overlaps(bounds) ?? false } }
        }
    }

    public func scope(_ bounds: PacketBox) -> Scope {
        Scope(candidates: compiled.mapValues { rules in rules.filter { $0.bounds.map { $0.overlaps(bounds) } ?? false } })
    }

    /// `decide` for a region inside the scope's bounds.
    public func decide(_ space: [PacketBox], in scope: Scope) -> [Decision] {
        var reach: [RuleID: [PacketBox]]? = nil
        return decide(space, reach: &reach, scope: scope)
    }

    private func decide(_ space: [PacketBox], reach: inout [RuleID: [PacketBox]]?, scope: Scope? = nil) -> [Decision] {
        guard !chainOrder.isEmpty else {
            return space.map { Decision(box: $0, verdict: .accept, rule: nil, chain: "(no forward chain)", trail: []) }
        }
        // Packets that took the same path so far go through the next chain together: one pass over its rules for all of them.
        // `accepted` is the decision of the previous base chain, named when a later chain only lets the packets pass by its policy.
        struct Path: Hashable {
            let trail: [RuleID]
            let rule: RuleID?
            let chain: String
        }
        var input: [(path: Path?, boxes: [PacketBox])] = [(nil, space)]
        var final: [Decision] = []
        for (i, chain) in chainOrder.enumerated() {
            var accepted: [Path: [PacketBox]] = [:]
            var order: [Path] = []
            for (path, boxes) in input {
                let trail = path.map { $0.trail + ($0.rule.map { [$0] } ?? []) } ?? []
                let (decisions, leftover) = run(chain.key, boxes, trail: trail, depth: 0, reach: &reach, scope: scope)
                // The end of a base chain applies its policy.
                let policy = chain.policy == .accept ? Decision.Verdict.accept : .deny
                var all = decisions
                for box in leftover {
                    if policy == .accept, let path, path.rule != nil {
                        all.append(Decision(box: box, verdict: .accept, rule: path.rule, chain: path.chain, trail: path.trail))
                    } else {
                        all.append(Decision(box: box, verdict: policy, rule: nil, chain: chain.key, trail: trail))
                    }
                }
                for d in all {
                    if d.verdict == .deny || i == chainOrder.count - 1 {
                        final.append(d)
                    } else {
                        let next = Path(trail: d.trail, rule: d.rule, chain: d.chain)
                        if accepted[next] == nil { order.append(next) }
                        accepted[next, default: []].append(d.box)
                    }
                }
            }
            input = order.map { ($0, accepted[$0]!) }
        }
        return final
    }

    /// Runs one chain on a region: the decisions it makes, and the packets that leave it undecided (return or end of chain).
    private func run(_ key: String, _ region: [PacketBox], trail: [RuleID], depth: Int,
                     reach: inout [RuleID: [PacketBox]]?, scope: Scope?) -> (decisions: [Decision], leftover: [PacketBox]) {
        var remaining = PacketSet(region)
        var decisions: [Decision] = []
        var returned: [PacketBox] = []
        // Rules outside the region's bounds are skipped in constant time, which matters for large rulesets queried zone by zone.
        guard let regionBounds = CompiledRule.bounds(of: region) else { return ([], []) }
        for rule in scope?.candidates[key] ?? compiled[key] ?? [] {
            if remaining.isEmpty { break }
            guard let bounds = rule.bounds, bounds.overlaps(regionBounds), remaining.boxes.contains(where: { $0.overlaps(bounds) }) else { continue }
            var matched: [PacketBox] = []
            if case .none = rule.action {
                for box in rule.boxes { matched += remaining.intersection(box) }
                if !matched.isEmpty { reach?[rule.id, default: []] += matched }
                continue
            }
            for box in rule.boxes { matched += remaining.remove(box) }
            if matched.isEmpty { continue }
            reach?[rule.id, default: []] += matched
            switch rule.action {
            case .accept:
                decisions += matched.map { Decision(box: $0, verdict: .accept, rule: rule.id, chain: key, trail: trail) }
            case .drop, .reject:
                decisions += matched.map { Decision(box: $0, verdict: .deny, rule: rule.id, chain: key, trail: trail) }
            case .return:
                returned += matched
            case .jump(let target):
                let (d, back) = run(target, matched, trail: trail + [rule.id], depth: depth + 1, reach: &reach, scope: scope)
                decisions += d
                remaining.insertDisjoint(back)
            case .goto(let target):
                let (d, back) = run(target, matched, trail: trail + [rule.id], depth: depth + 1, reach: &reach, scope: scope)
                decisions += d
                returned += back
            case .none:
                break
            }
        }
        return (decisions, returned + remaining.boxes)
    }
}

