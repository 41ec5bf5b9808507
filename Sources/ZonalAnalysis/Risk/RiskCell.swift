import ZonalModel

/// One cell of the risk matrix as a scenario lands in it: likelihood and consequence levels, the category that sets the consequence, and the risk level.
public struct RiskCell: Hashable, Sendable {
    public let likelihood: Int
    public let consequence: Int
    /// The consequence category whose level is `consequence` (the worst one).
    public let category: String
    /// Index into the criteria's risk levels.
    public let risk: Int

    public init(likelihood: Int, consequence: Int, category: String, criteria: RiskCriteria) {
        self.likelihood = likelihood
        self.consequence = consequence
        self.category = category
        risk = criteria.risk(likelihood: likelihood, consequence: consequence)
    }

    /// "possible x catastrophic (health-and-safety) = high".
    public func describe(_ criteria: RiskCriteria) -> String {
        "\(criteria.likelihoodName(likelihood)) x \(criteria.consequenceName(consequence)) (\(category)) = \(criteria.riskName(risk))"
    }
}
