import IEC62443
import ZonalModel

/// After the achieved security levels and the countermeasures, every threat scenario's risk must be tolerable.
public struct ResidualRiskIntolerableCheck: Check {
    public let id = "ZC-RA-02"
    public let title = "Residual risk above the tolerable risk"
    public let clause = "IEC 62443-3-2 ZCR 5.10, 5.11 and 5.12"
    public let rationale = "A scenario whose residual risk stays above the owner's tolerable risk is an accepted exposure nobody accepted: the design does not yet deliver the risk reduction the assessment asked for."
    public let remediation = "Close the requirement gaps listed so SL-A reaches the attacker's level, or add countermeasures that lower the scenario's likelihood or consequence, then re-assess."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let risk = context.risk else { return [] }
        let c = risk.criteria
        return risk.scenarios.filter { !$0.residualTolerable }.map { s in
            var evidence = ["unmitigated: \(s.unmitigated.describe(c))"]
            for d in s.defences {
                let frs = d.achieved.keys.sorted().map { "\($0.abbreviation) \(d.achieved[$0]!.rawValue)" }.joined(separator: ", ")
                evidence.append("\(d.kind.rawValue) '\(d.id)' SL-A \(frs) against the \(s.scenario.attacker.rawValue) attacker's SL \(s.requiredLevel.rawValue)"
                                + (d.short.isEmpty ? "" : " (short in \(d.short.map(\.abbreviation).joined(separator: ", ")))"))
            }
            for e in s.effects {
                evidence.append("countermeasure '\(e.countermeasure)' lowers \(e.mitigation.lowers.rawValue) by \(e.mitigation.by)")
            }
            evidence.append("residual: \(s.residual.describe(c)), above tolerable '\(c.riskName(c.tolerable))'")
            evidence += s.gaps.map { "gap: \($0.kind.rawValue) '\($0.target)' \($0.requirement.id) \($0.requirement.title)" + ($0.remedy.map { ": \($0)" } ?? "") }
            let outlook: String
            let remediation: String
            if let closed = s.residualIfGapsClosed, c.isTolerable(closed.risk) {
                outlook = "closing \(s.gapRequirementIDs.count) requirement gap(s) (\(Self.ids(s))) would bring it to \(c.riskName(closed.risk))"
                remediation = "Meet \(Self.ids(s)) so SL-A reaches SL \(s.requiredLevel.rawValue) in the FRs the scenario touches; the SL credit then lowers the likelihood by \(c.slCredit) level(s)."
            } else {
                outlook = s.gaps.isEmpty ? "no requirement gap stands in the way; the security level alone cannot make it tolerable"
                    : "closing the requirement gaps (\(Self.ids(s))) still leaves \(c.riskName(s.residualIfGapsClosed?.risk ?? s.residual.risk))"
                remediation = "Add countermeasures that lower the likelihood or the consequence of '\(s.scenario.id)' (mitigates:), e.g. a non-programmable safeguard, or have the owner revisit the tolerable risk."
            }
            return finding(
                "scenario '\(s.scenario.id)' keeps residual risk \(c.riskName(s.residual.risk)) (\(c.likelihoodName(s.residual.likelihood)) x \(c.consequenceName(s.residual.consequence))), above the tolerable '\(c.riskName(c.tolerable))'; \(outlook)",
                at: s.scenario.location, subject: "scenario:\(s.scenario.id)",
                severity: s.residual.risk >= c.riskLevels.count - 1 ? .critical : .high, remediation: remediation, evidence: evidence)
        }
    }

    static func ids(_ s: ScenarioRisk) -> String {
        let ids = s.gapRequirementIDs
        return ids.prefix(8).joined(separator: ", ") + (ids.count > 8 ? " and \(ids.count - 8) more" : "")
    }
}
