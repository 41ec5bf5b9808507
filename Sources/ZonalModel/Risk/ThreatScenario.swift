import IEC62443

/// A threat scenario of the detailed risk assessment (IEC 62443-3-2 ZCR 5.1 to 5.4): who attacks, through where, what, and how bad and how likely.
public struct ThreatScenario: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// Who: insider, criminal, hacktivist, nation state, ...
    public var source: String
    public var attacker: AttackerProfile
    /// The zone the attacker starts from, or the conduit it comes through.
    public var entry: String
    /// The zones whose compromise brings the consequences.
    public var targets: [String]
    /// The weaknesses the scenario exploits (ZCR 5.2).
    public var vulnerabilities: [String]
    /// Worst-case consequence level per category (1-based into the consequence scale); unlisted categories are unaffected.
    public var consequences: [String: Int]
    /// Unmitigated likelihood level (1-based into the likelihood scale).
    public var likelihood: Int
    /// The foundational requirements whose violation the scenario needs; all seven unless stated.
    public var frs: [FoundationalRequirement]
    public var description: String?
    public var location: SourceLocation

    public init(id: String, name: String? = nil, source: String, attacker: AttackerProfile, entry: String, targets: [String],
                vulnerabilities: [String] = [], consequences: [String: Int], likelihood: Int,
                frs: [FoundationalRequirement] = FoundationalRequirement.allCases, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.source = source
        self.attacker = attacker
        self.entry = entry
        self.targets = targets
        self.vulnerabilities = vulnerabilities
        self.consequences = consequences
        self.likelihood = likelihood
        self.frs = frs
        self.description = description
        self.location = location
    }

    /// The highest consequence level over all categories, with the first category (in `order`) that reaches it.
    public func worstConsequence(order: [String]) -> (category: String, level: Int)? {
        var best: (String, Int)?
        for category in order {
            if let level = consequences[category], best == nil || level > best!.1 { best = (category, level) }
        }
        return best
    }
}

/// What a countermeasure does to one threat scenario: lowers its likelihood, or its consequence in some or all categories, by a number of levels.
public struct ScenarioMitigation: Hashable, Sendable {
    public enum Effect: String, CaseIterable, Hashable, Sendable { case likelihood, consequence }

    public var scenario: String
    public var lowers: Effect
    public var by: Int
    /// For consequence effects: the categories lowered; empty means every category.
    public var categories: [String]
    public var location: SourceLocation

    public init(scenario: String, lowers: Effect = .likelihood, by: Int = 1, categories: [String] = [], location: SourceLocation) {
        self.scenario = scenario
        self.lowers = lowers
        self.by = by
        self.categories = categories
        self.location = location
    }
}
