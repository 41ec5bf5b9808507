import ZonalFirewall
import ZonalModel

/// Everything the firewall checks read about one firewall, computed once: its ruleset's exact zone-to-zone permissions,
/// the traffic the model's conduits allow and its flows need, and which rules the ruleset ever reaches.
public struct FirewallContext: Sendable {
    public let model: SystemModel
    public let binding: FirewallBinding
    public let ruleset: Ruleset
    public let evaluator: RulesetEvaluator
    public let traffic: TrafficSpace
    /// The zones the firewall stands between, with the interfaces in front of each.
    public let zones: [AddressGroup]
    /// Permitted new connections between those zones.
    public let matrix: [MatrixCell]
    /// What the model's conduits allow between the zones (overlapping boxes).
    public let allowed: [PacketBox]
    /// What each flow of the model between two of the zones needs.
    public let needs: [(flow: Flow, region: [PacketBox])]
    /// For every rule that matches something, the packets that reach it and match; rules absent are never reached.
    public let reach: [RuleID: [PacketBox]]
    public let replies: ReplyFilter

    public init(model: SystemModel, binding: FirewallBinding, ruleset: Ruleset) throws(RulesetEvaluator.EvaluationError) {
        self.model = model
        self.binding = binding
        self.ruleset = ruleset
        let evaluator = try RulesetEvaluator(ruleset, interfaceNames: binding.interfaces.map(\.interface))
        self.evaluator = evaluator
        let traffic = TrafficSpace(model: model, evaluator: evaluator, binding: binding)
        self.traffic = traffic
        var zoneIDs: [String]
        if !binding.interfaces.isEmpty {
            zoneIDs = binding.interfaces.map(\.zone)
        } else if !binding.conduits.isEmpty {
            zoneIDs = binding.conduits.compactMap(model.conduit).flatMap(\.zones)
        } else {
            zoneIDs = model.zones.map(\.id)
        }
        var seen = Set<String>()
        zoneIDs = zoneIDs.filter { seen.insert($0).inserted }
        let planted = zoneIDs.compactMap(model.zone).filter { !$0.networks.isEmpty }
            .map { AddressGroup(name: $0.id, networks: $0.networks, interfaces: binding.interfaces(of: $0.id)) }
        // Addresses in no zone (the internet, a vendor's network, a forgotten subnet) are a side of the matrix too.
        zones = planted + [AddressGroup.outside(planted, name: FirewallContext.outside)]
        matrix = PermissionMatrix.compute(evaluator, groups: zones)
        let visible = Set(zones.map(\.name))
        allowed = model.conduits.filter { $0.zones.allSatisfy(visible.contains) }.flatMap(traffic.region(of:))
        needs = model.flows.compactMap { flow in
            guard let f = model.zoneID(ofEndpoint: flow.from), let t = model.zoneID(ofEndpoint: flow.to), f != t,
                  visible.contains(f), visible.contains(t) else { return nil }
            return (flow, traffic.region(of: flow))
        }
        reach = evaluator.decideRecordingReach(evaluator.universe()).reach
        replies = ReplyFilter(evaluator)
    }

    /// The name of the matrix side holding every address in no zone of the firewall.
    public static let outside = "(outside any zone)"

    /// "zone 'sis'", or "addresses in no zone".
    public static func side(_ name: String) -> String { name == outside ? "addresses in no zone" : "zone '\(name)'" }

    /// Where a decision was made: the deciding rule's line, or the chain whose policy applied.
    public func location(of decision: Decision) -> SourceLocation {
        if let id = decision.rule, let rule = ruleset.rule(id) { return rule.location }
        return ruleset.chains[decision.chain]?.location ?? SourceLocation(file: ruleset.file, line: 1, column: 1)
    }

    /// "rule FORWARD #3" or "the policy of chain FORWARD".
    public func name(of decision: Decision) -> String {
        if let id = decision.rule, let rule = ruleset.rule(id) { return "rule \(rule.chain) #\(rule.number)" }
        return "the \(ruleset.chains[decision.chain].map { $0.policy == .accept ? "accept" : "drop" } ?? "") policy of chain \(decision.chain)"
    }

    /// The rule text for evidence.
    public func text(of decision: Decision) -> String? {
        decision.rule.flatMap(ruleset.rule).map { "rule: \($0.text)" }
    }

    /// True when some conduit between the two zones lets traffic be opened from `from` to `to`.
    public func directionAllowed(from: String, to: String) -> Bool {
        model.conduits.contains { $0.joins(from, to) && $0.permitsDirection(from: from, to: to) }
    }

    /// The cell of a zone pair.
    public func cell(from: String, to: String) -> MatrixCell? { matrix.first { $0.from == from && $0.to == to } }

    /// The findings' subject for this firewall.
    public var subject: String { "firewall:\(binding.id)" }

    /// Decisions grouped by the rule (or policy) that made them, in file order, with their regions joined where they can be.
    public static func byRule(_ decisions: [Decision]) -> [(key: String, decisions: [Decision])] {
        var order: [String] = []
        var groups: [String: [Decision]] = [:]
        for d in Coalescing.decisions(decisions) {
            let key = d.rule.map { "\($0.chain)\u{0}\($0.index)" } ?? "policy\u{0}\(d.chain)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
