import IEC62443
import ZonalModel

/// The trace lines of a derivation, shared by the risk checks and reports: one line per FR naming the scenarios and cells that set it.
public enum RiskTrace {
    public static func lines(_ target: DerivedTarget, only frs: [FoundationalRequirement]? = nil, criteria: RiskCriteria) -> [String] {
        target.trace.filter { frs?.contains($0.fr) ?? true }.map { line($0, criteria: criteria) }
    }

    public static func line(_ t: DerivedTarget.FRTrace, criteria: RiskCriteria) -> String {
        var parts: [String] = []
        for s in t.setBy {
            parts.append("scenario '\(s.scenario)' (\(s.attacker.rawValue) attacker, \(s.cell.describe(criteria)))")
        }
        if let zone = t.inheritedFrom { parts.append("inherited from zone '\(zone)'") }
        let why = parts.isEmpty ? "no intolerable scenario touches it" : parts.joined(separator: "; ")
        return "\(t.fr.abbreviation) SL \(t.level.rawValue): \(why)"
    }
}
