import IEC62443
import ZonalModel

/// One threat scenario carried through the detailed assessment: unmitigated risk (ZCR 5.5), the level it asks for (5.6),
/// what the achieved security levels and countermeasures do to it (5.8, 5.9), residual risk (5.10) and what would close a gap (5.12).
public struct ScenarioRisk: Hashable, Sendable {
    public let scenario: ThreatScenario
    public let unmitigated: RiskCell
    public let unmitigatedTolerable: Bool
    /// The security level the attacker profile calls for.
    public let requiredLevel: SecurityLevel
    /// The zones and conduit that must withstand the attacker, with their SL-A in the FRs the scenario touches.
    public let defences: [Defence]
    /// True when every defence achieves the required level in every touched FR, so the SL credit applies.
    public let securityLevelCredit: Bool
    /// The countermeasure effects applied, in model order.
    public let effects: [AppliedEffect]
    public let residual: RiskCell
    public let residualTolerable: Bool
    /// Unmet requirements, at the required level in the touched FRs, that keep SL-A below the attacker's level.
    public let gaps: [RequirementGap]
    /// The residual risk if every gap were closed (the SL credit applied), when there are gaps.
    public let residualIfGapsClosed: RiskCell?

    /// The ids of the requirements in `gaps`, each once, in order.
    public var gapRequirementIDs: [String] {
        var ids: [String] = []
        for g in gaps where !ids.contains(g.requirement.id) { ids.append(g.requirement.id) }
        return ids
    }

    /// A zone or conduit between the attacker and the consequence.
    public struct Defence: Hashable, Sendable {
        public let kind: TargetAssessment.Kind
        public let id: String
        /// Per touched (and applicable) FR: SL-A there.
        public let achieved: [FoundationalRequirement: SecurityLevel]
        /// The touched FRs where SL-A is below the required level.
        public let short: [FoundationalRequirement]
    }

    /// A countermeasure's effect as applied.
    public struct AppliedEffect: Hashable, Sendable {
        public let countermeasure: String
        public let mitigation: ScenarioMitigation
    }

    /// A requirement that, met, would bring a defence up to the attacker's level.
    public struct RequirementGap: Hashable, Sendable {
        public let kind: TargetAssessment.Kind
        public let target: String
        public let requirement: Requirement
        public let remedy: String?
    }
}
