import IEC62443
import ZonalModel

/// A zone's or conduit's declared SL-T must reach the level its threat scenarios call for.
public struct DeclaredTargetBelowDerivedCheck: Check {
    public let id = "ZC-RA-01"
    public let title = "Declared SL-T below the risk-derived SL-T"
    public let clause = "IEC 62443-3-2 ZCR 5.6"
    public let rationale = "The SL-T is the outcome of the risk assessment: a declared level below what the intolerable threat scenarios call for leaves the zone built against a weaker attacker than the one the assessment found."
    public let remediation = "Raise the declared SL-T to the derived level in the FRs listed, or revisit the scenarios that set it (likelihood, consequence, attacker profile) with the asset owner."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let risk = context.risk else { return [] }
        return (risk.zones + risk.conduits).compactMap { target in
            let below = target.below
            guard !below.isEmpty else { return nil }
            let frs = below.map { "\($0.abbreviation) \(target.declared[$0].rawValue) < \(target.derived[$0].rawValue)" }
            let stated = target.declaredExplicitly ? "declares" : "is held to (from its zones)"
            return finding(
                "\(target.kind.rawValue) '\(target.id)' \(stated) SL-T \(target.declared) but its threat scenarios derive \(target.derived) (\(frs.joined(separator: ", ")))",
                at: target.location, subject: "\(target.kind.rawValue):\(target.id)",
                evidence: RiskTrace.lines(target, only: below, criteria: risk.criteria))
        }
    }
}
