import ZonalModel

/// What a rule does with the packets it matches.
public enum RuleAction: Hashable, Sendable, CustomStringConvertible {
    case accept, drop, reject
    /// Evaluate a user chain; come back when it returns or ends.
    case jump(String)
    /// Evaluate a user chain and do not come back here.
    case goto(String)
    /// Leave the current chain.
    case `return`
    /// No verdict (log, counter, mark): evaluation continues with the next rule.
    case none

    public var description: String {
        switch self {
        case .accept: "accept"
        case .drop: "drop"
        case .reject: "reject"
        case .jump(let chain): "jump \(chain)"
        case .goto(let chain): "goto \(chain)"
        case .return: "return"
        case .none: "continue"
        }
    }
}

/// One rule of a chain as read from a configuration, with where it was written.
public struct FirewallRule: Hashable, Sendable {
    /// The chain it belongs to (its key in `Ruleset.chains`).
    public var chain: String
    /// 1-based position in its chain.
    public var number: Int
    public var location: SourceLocation
    /// The rule as written (one line of iptables-save, the rule of nft text), for evidence.
    public var text: String
    public var conditions: [RuleCondition]
    public var action: RuleAction
    public var comment: String?
    /// Conditions Zonal cannot represent (rate limits, marks, ICMP types): the evaluator states what it assumed for them.
    public var unmodeled: [String]

    public init(chain: String, number: Int, location: SourceLocation, text: String, conditions: [RuleCondition], action: RuleAction,
                comment: String? = nil, unmodeled: [String] = []) {
        self.chain = chain
        self.number = number
        self.location = location
        self.text = text
        self.conditions = conditions
        self.action = action
        self.comment = comment
        self.unmodeled = unmodeled
    }

    /// "FORWARD #3 (rules.v4:12)".
    public var reference: String { "\(chain) #\(number) (\(location.file):\(location.line))" }
}
