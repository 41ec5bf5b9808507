import IEC62443
import ZonalModel

/// The documented result of the detailed risk assessment for one zone or conduit, step by step (IEC 62443-3-2 ZCR 5.1 to 5.13).
public struct TargetRiskRecord: Hashable, Sendable {
    public let kind: TargetAssessment.Kind
    public let id: String
    /// 5.1: the scenarios that target the zone or enter through the conduit.
    public let threats: [String]
    /// 5.2: the vulnerabilities those scenarios exploit.
    public let vulnerabilities: [String]
    /// 5.3–5.5: the worst unmitigated cell among them.
    public let worstUnmitigated: RiskCell?
    /// 5.6: the derived SL-T.
    public let derived: SLVector
    /// 5.7: true when every unmitigated risk is tolerable.
    public let unmitigatedTolerable: Bool
    /// 5.8: countermeasures with an effect on those scenarios, and whether SL-A earns the SL credit.
    public let countermeasures: [String]
    /// 5.9–5.10: the worst residual cell.
    public let worstResidual: RiskCell?
    /// 5.11: true when every residual risk is tolerable.
    public let residualTolerable: Bool
    /// 5.12: the requirement gaps that would close the intolerable residual risks.
    public let additionalCountermeasures: [ScenarioRisk.RequirementGap]
    /// 5.13: one sentence for the record.
    public let result: String
}
