import ZonalModel

/// A firewall's rules as read from one configuration file: chains, their rules and policies, and what could not be read.
public struct Ruleset: Sendable {
    /// The format it was read from.
    public enum Format: String, Sendable, CaseIterable {
        case iptablesSave = "iptables-save"
        case nftablesJSON = "nftables-json"
        case nftablesText = "nftables"
        case ciscoASA = "cisco-asa"
        case fortiGate = "fortigate"
        case pfSense = "pfsense"
    }

    public var file: String
    public var format: Format
    /// Chains by key (`chain` for iptables, `table/chain` for nftables).
    public var chains: [String: Chain]
    /// The keys of the chains in file order.
    public var chainOrder: [String]
    public var unsupported: [UnsupportedConstruct]
    /// Parts read but outside what the analysis covers (NAT tables, input chains), said once each.
    public var notes: [String]

    public init(file: String, format: Format, chains: [Chain] = [], unsupported: [UnsupportedConstruct] = [], notes: [String] = []) {
        self.file = file
        self.format = format
        self.chains = Dictionary(chains.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        chainOrder = chains.map(\.key)
        self.unsupported = unsupported
        self.notes = notes
    }

    /// The base chains that see forwarded traffic, in the order the kernel runs them (priority, then file order).
    public var forwardChains: [Chain] {
        chainOrder.compactMap { chains[$0] }.enumerated()
            .filter { $0.element.hook == "forward" }
            .sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
            .map(\.element)
    }

    /// Every rule of every chain, in file order.
    public var rules: [FirewallRule] { chainOrder.flatMap { chains[$0]?.rules ?? [] } }

    /// The rule at a reference.
    public func rule(_ id: RuleID) -> FirewallRule? {
        guard let chain = chains[id.chain], chain.rules.indices.contains(id.index) else { return nil }
        return chain.rules[id.index]
    }
}

/// A chain: base (attached to a hook, with a policy) or user (reached by jump or goto).
public struct Chain: Sendable {
    /// Unique key within the ruleset.
    public var key: String
    public var name: String
    /// The address family the chain's table filters: nil when both (nftables `inet`).
    public var family: IPAddress.Family?
    /// `forward`, `input`, `output`, … for base chains; nil for user chains.
    public var hook: String?
    public var priority: Int
    /// Verdict for packets that reach the end of a base chain.
    public var policy: RuleAction
    public var rules: [FirewallRule]
    public var location: SourceLocation

    public init(key: String, name: String, family: IPAddress.Family?, hook: String? = nil, priority: Int = 0, policy: RuleAction = .accept,
                rules: [FirewallRule] = [], location: SourceLocation) {
        self.key = key
        self.name = name
        self.family = family
        self.hook = hook
        self.priority = priority
        self.policy = policy
        self.rules = rules
        self.location = location
    }
}

/// A rule's place: its chain key and index in that chain.
public struct RuleID: Hashable, Sendable, Comparable {
    public let chain: String
    public let index: Int

    public init(chain: String, index: Int) {
        self.chain = chain
        self.index = index
    }

    public static func < (a: Self, b: Self) -> Bool { (a.chain, a.index) < (b.chain, b.index) }
}

/// Something in a configuration that Zonal did not model, with where it is and what the analysis assumed instead.
public struct UnsupportedConstruct: Hashable, Sendable {
    public let location: SourceLocation
    public let construct: String
    /// What the analysis did about it ("the rule is assumed to match …", "ignored").
    public let assumption: String

    public init(location: SourceLocation, construct: String, assumption: String) {
        self.location = location
        self.construct = construct
        self.assumption = assumption
    }
}
