/// The plant's risk criteria: likelihood and consequence scales, consequence categories, the risk matrix and the tolerable risk (IEC 62443-3-2 ZCR 2 and 4).
public struct RiskCriteria: Hashable, Sendable {
    /// Likelihood levels, lowest first; a scenario's likelihood is a 1-based index into this list.
    public var likelihood: [ScaleLevel]
    /// Consequence (severity) levels, lowest first.
    public var consequence: [ScaleLevel]
    /// The categories a consequence is judged in, e.g. health-and-safety, environment.
    public var categories: [String]
    /// Risk levels, lowest first.
    public var riskLevels: [String]
    /// `matrix[likelihood - 1][consequence - 1]` is a 0-based index into `riskLevels`.
    public var matrix: [[Int]]
    /// The highest risk level (index into `riskLevels`) the owner accepts without further reduction.
    public var tolerable: Int
    /// How many likelihood levels a zone's achieved security level removes when it meets the attacker's level in every FR the scenario touches.
    public var slCredit: Int

    public init(likelihood: [ScaleLevel], consequence: [ScaleLevel], categories: [String], riskLevels: [String], matrix: [[Int]],
                tolerable: Int, slCredit: Int) {
        self.likelihood = likelihood
        self.consequence = consequence
        self.categories = categories
        self.riskLevels = riskLevels
        self.matrix = matrix
        self.tolerable = tolerable
        self.slCredit = slCredit
    }

    /// The risk level index of a matrix cell; levels outside the scales are clamped to them.
    public func risk(likelihood l: Int, consequence c: Int) -> Int {
        let row = min(max(l, 1), likelihood.count) - 1
        let column = min(max(c, 1), consequence.count) - 1
        return matrix[row][column]
    }

    /// True when a risk level index is at or below the tolerable threshold.
    public func isTolerable(_ risk: Int) -> Bool { risk <= tolerable }

    public func likelihoodName(_ level: Int) -> String { likelihood[min(max(level, 1), likelihood.count) - 1].name }
    public func consequenceName(_ level: Int) -> String { consequence[min(max(level, 1), consequence.count) - 1].name }
    public func riskName(_ index: Int) -> String { riskLevels[min(max(index, 0), riskLevels.count - 1)] }

    /// The defaults: a 5 x 5 matrix banded on likelihood x consequence (1-4 low, 5-9 medium, 10-16 high, 20-25 very high),
    /// seven consequence categories, medium tolerable (ALARP), and a credit of two likelihood levels for a met security level.
    public static let `default` = RiskCriteria(
        likelihood: [
            ScaleLevel(name: "rare", description: "not expected in the life of the plant"),
            ScaleLevel(name: "unlikely", description: "could happen once in the life of the plant"),
            ScaleLevel(name: "possible", description: "about once in ten years"),
            ScaleLevel(name: "likely", description: "about once a year"),
            ScaleLevel(name: "almost-certain", description: "several times a year"),
        ],
        consequence: [
            ScaleLevel(name: "minor", description: "first aid; no lasting release; production loss under a shift"),
            ScaleLevel(name: "moderate", description: "medical treatment; release contained on site; loss of a day's production"),
            ScaleLevel(name: "serious", description: "lost-time injury; reportable release; unit down for days"),
            ScaleLevel(name: "major", description: "permanent disability or single fatality; off-site release; major equipment damage"),
            ScaleLevel(name: "catastrophic", description: "multiple fatalities; major off-site environmental damage; loss of the unit"),
        ],
        categories: ["health-and-safety", "environment", "production", "equipment", "financial", "reputation", "regulatory"],
        riskLevels: ["low", "medium", "high", "very-high"],
        matrix: RiskCriteria.bandedMatrix(rows: 5, columns: 5),
        tolerable: 1,
        slCredit: 2)

    /// Bands the product of likelihood and consequence the way most 5 x 5 industrial matrices do.
    static func bandedMatrix(rows: Int, columns: Int) -> [[Int]] {
        (1...rows).map { l in
            (1...columns).map { c in
                switch l * c {
                case ..<5: 0
                case ..<10: 1
                case ..<20: 2
                default: 3
                }
            }
        }
    }
}

/// One level of a likelihood or consequence scale.
public struct ScaleLevel: Hashable, Sendable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
