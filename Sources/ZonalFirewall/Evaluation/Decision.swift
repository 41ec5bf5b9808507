/// The verdict a ruleset gives a region of the packet space, and what gave it.
public struct Decision: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable {
        case accept, deny
    }

    public let box: PacketBox
    public let verdict: Verdict
    /// The rule that decided; nil when a chain's policy did.
    public let rule: RuleID?
    /// The chain whose rule or policy decided.
    public let chain: String
    /// The jumps (and accepting rules of earlier base chains) the packets took to get there, outermost first.
    public let trail: [RuleID]

    public init(box: PacketBox, verdict: Verdict, rule: RuleID?, chain: String, trail: [RuleID]) {
        self.box = box
        self.verdict = verdict
        self.rule = rule
        self.chain = chain
        self.trail = trail
    }

    /// The same decision for a part of its box.
    public func restricted(to box: PacketBox) -> Decision {
        Decision(box: box, verdict: verdict, rule: rule, chain: chain, trail: trail)
    }
}
