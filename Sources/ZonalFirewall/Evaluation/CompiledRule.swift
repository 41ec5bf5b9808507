import ZonalModel

/// A rule turned into the boxes of packets it matches, for the evaluator.
struct CompiledRule: Sendable {
    let id: RuleID
    let action: RuleAction
    let boxes: [PacketBox]
    /// Covers every box, to skip a rule quickly.
    let bounds: PacketBox?

    /// Compiles the conditions of a rule in a chain whose table filters `family` (nil for both).
    ///
    /// Conditions the space cannot represent are assumed in the direction that overstates what the firewall lets through:
    /// an accepting (or jumping) rule is assumed to match, a dropping or returning rule is assumed not to.
    init(rule: FirewallRule, id: RuleID, chainFamily: IPAddress.Family?, interfaces: InterfaceTable) {
        self.id = id
        action = rule.action
        if !rule.unmodeled.isEmpty, CompiledRule.assumedNotToMatch(rule.action) {
            boxes = []
        } else {
            boxes = CompiledRule.boxes(rule.conditions, family: chainFamily, interfaces: interfaces)
        }
        bounds = CompiledRule.bounds(of: boxes)
    }

    static func assumedNotToMatch(_ action: RuleAction) -> Bool {
        switch action {
        case .drop, .reject, .return: true
        default: false
        }
    }

    /// What the evaluator assumes for a rule with unmodelled conditions, in words.
    static func assumption(for action: RuleAction) -> String {
        assumedNotToMatch(action)
            ? "the rule is assumed never to match, so the analysis may overstate what passes"
            : "the rule is assumed to match whenever its other conditions do, so the analysis may overstate what passes"
    }

    static func bounds(of boxes: [PacketBox]) -> PacketBox? {
        guard var result = boxes.first else { return nil }
        for box in boxes.dropFirst() {
            for d in Dimension.allCases {
                result[d] = Interval(min(result[d].lower, box[d].lower), max(result[d].upper, box[d].upper))
            }
        }
        return result
    }

    /// The boxes of packets for which every condition holds.
    static func boxes(_ conditions: [RuleCondition], family: IPAddress.Family?, interfaces: InterfaceTable) -> [PacketBox] {
        var result: [PacketBox] = []
        for f in [IPAddress.Family.v4, .v6] where family == nil || family == f {
            var allowed: [Dimension: [Interval]] = [:]
            for d in Dimension.allCases { allowed[d] = [Dimension.domain(d, family: f, interfaces: interfaces.count)] }
            var excluded = false
            for condition in conditions {
                switch condition {
                case .family(let g):
                    if g != f { excluded = true }
                case .addresses(let d, let ranges, let negated):
                    let mine = ranges.filter { $0.family == f }.map { Interval(SpaceValue($0.lower), SpaceValue($0.upper)) }
                    let domain = Dimension.domain(d, family: f)
                    allowed[d] = intersect(allowed[d]!, negated ? Interval.complement(mine, in: domain) : Interval.normalize(mine))
                case .values(let d, let ranges, let negated):
                    let mine = ranges.map { Interval($0.lowerBound, $0.upperBound) }
                    allowed[d] = intersect(allowed[d]!, negated ? Interval.complement(mine, in: Dimension.domain(d)) : Interval.normalize(mine))
                case .interfaces(let d, let names, let negated):
                    let mine = names.flatMap { interfaces.indices(matching: $0) }.map { Interval($0, $0) }
                    let domain = Dimension.domain(d, interfaces: interfaces.count)
                    allowed[d] = intersect(allowed[d]!, negated ? Interval.complement(mine, in: domain) : Interval.normalize(mine))
                case .states(let states):
                    allowed[.state] = intersect(allowed[.state]!, Interval.normalize(states.map { Interval($0.rawValue, $0.rawValue) }))
                }
            }
            if excluded || allowed.values.contains(where: \.isEmpty) { continue }
            var partial = [PacketBox(family: f, interfaces: interfaces.count)]
            for d in Dimension.allCases where d != .family {
                let intervals = allowed[d]!
                partial = partial.flatMap { box in intervals.map { var b = box; b[d] = $0; return b } }
            }
            result += partial
        }
        return result
    }

    /// The common part of two sorted, disjoint interval lists.
    static func intersect(_ a: [Interval], _ b: [Interval]) -> [Interval] {
        var result: [Interval] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if let common = a[i].intersection(b[j]) { result.append(common) }
            if a[i].upper < b[j].upper { i += 1 } else { j += 1 }
        }
        return result
    }
}
