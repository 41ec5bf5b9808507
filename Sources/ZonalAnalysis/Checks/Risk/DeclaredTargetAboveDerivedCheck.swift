import IEC62443
import ZonalModel

/// Notes a declared SL-T above what the threat scenarios justify: not wrong, but the extra cost has no risk rationale on record.
public struct DeclaredTargetAboveDerivedCheck: Check {
    public let id = "ZC-RA-03"
    public let title = "Declared SL-T above the risk-derived SL-T"
    public let clause = "IEC 62443-3-2 ZCR 5.6 and ZCR 6"
    public let rationale = "A level above what the scenarios call for may be a deliberate margin or a regulatory demand, but the requirements specification should say why; otherwise a scenario is missing or the level is over-specified."
    public let remediation = "Record the reason for the higher level (a scenario the model lacks, a regulation, a margin), or lower the SL-T to the derived level."
    public let severity = Severity.info
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let risk = context.risk, !risk.scenarios.isEmpty else { return [] }
        // Conduits held to their zones' level carry no declaration of their own to question.
        return (risk.zones + risk.conduits.filter(\.declaredExplicitly)).compactMap { target in
            let above = target.above
            guard !above.isEmpty else { return nil }
            let frs = above.map { "\($0.abbreviation) \(target.declared[$0].rawValue) > \(target.derived[$0].rawValue)" }
            return finding(
                "\(target.kind.rawValue) '\(target.id)' declares SL-T \(target.declared), above the \(target.derived) its threat scenarios derive (\(frs.joined(separator: ", ")))",
                at: target.location, subject: "\(target.kind.rawValue):\(target.id)",
                evidence: RiskTrace.lines(target, only: above, criteria: risk.criteria))
        }
    }
}
