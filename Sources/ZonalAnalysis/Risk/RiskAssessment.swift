import IEC62443
import ZonalModel

/// The risk assessment of a model with threat scenarios: the initial risk (ZCR 2), its comparison with the tolerable risk (ZCR 4),
/// every scenario's unmitigated and residual risk, the derived SL-T of every zone and conduit with its trace, and the ZCR 5 record of each.
public struct RiskAssessment: Hashable, Sendable {
    public let criteria: RiskCriteria
    /// True when the model states its own criteria rather than relying on the defaults.
    public let criteriaDeclared: Bool
    /// ZCR 2: the worst unmitigated cell over all scenarios (nil without scenarios).
    public let initialRisk: RiskCell?
    /// The scenario that sets the initial risk.
    public let initialRiskScenario: String?
    /// ZCR 4: a detailed assessment is required when the initial risk exceeds the tolerable risk.
    public var detailedAssessmentRequired: Bool { initialRisk.map { !criteria.isTolerable($0.risk) } ?? false }
    public let scenarios: [ScenarioRisk]
    public let zones: [DerivedTarget]
    public let conduits: [DerivedTarget]
    public let zoneRecords: [TargetRiskRecord]
    public let conduitRecords: [TargetRiskRecord]

    /// The scenario result by id.
    public func scenario(_ id: String) -> ScenarioRisk? { scenarios.first { $0.scenario.id == id } }
}
