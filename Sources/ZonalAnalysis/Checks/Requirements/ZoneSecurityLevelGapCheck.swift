import IEC62443
import ZonalModel

/// A zone must achieve its SL-T: every requirement its target requires must be met by components, boundary or countermeasures.
public struct ZoneSecurityLevelGapCheck: Check {
    public let id = "ZC-SL-01"
    public let title = "Zone does not achieve its SL-T"
    public let clause = "IEC 62443-3-3 clause 4.3 and the SRs/REs of the gap; IEC 62443-3-2 ZCR 5.12"
    public let rationale = "SL-A below SL-T means requirements the risk assessment asked for are not met; each unmet requirement is an opening at the level of attacker the zone was meant to withstand."
    public let remediation = "Meet each unmet requirement listed: stronger components (SL-C), a stronger boundary, or a countermeasure that satisfies it."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.zoneAssessments.compactMap { SecurityLevelGap.finding(for: $0, check: self) }
    }
}

/// Shared by the zone and conduit gap checks: one finding per target with the gap per FR and every unmet requirement as evidence.
enum SecurityLevelGap {
    static func finding(for assessment: TargetAssessment, check: some Check) -> Finding? {
        let gap = assessment.gap
        guard !gap.isEmpty else { return nil }
        let frs = gap.keys.sorted().map { "\($0.abbreviation) \(assessment.slAchieved[$0].rawValue)/\(assessment.slTarget[$0].rawValue)" }
        let worst = gap.values.max() ?? 0
        // The unmet statuses read in place rather than filtered into a copy: a large plant has tens of thousands of
        // targets, each copy of a status retaining its requirement's strings on every core at once.
        let statuses = assessment.statuses
        var evidence: [String] = [], first: [String] = []
        for i in statuses.indices where statuses[i].required && !statuses[i].met {
            let requirement = statuses[i].requirement
            // Built in one allocation: a large plant has hundreds of thousands of these lines, and each `+` of a
            // chain would allocate a string of its own.
            let remedy = statuses[i].remedyText ?? .text("no remedy known")
            var line = ""
            line.reserveCapacity(requirement.id.utf8.count + requirement.title.utf8.count + remedy.utf8Count + 3)
            line += requirement.id; line += " "; line += requirement.title; line += ": "
            remedy.append(to: &line)
            evidence.append(line)
            if first.count < 6 { first.append(requirement.id) }
        }
        let ids = first.joined(separator: ", ") + (evidence.count > 6 ? " and \(evidence.count - 6) more" : "")
        return check.finding(
            "\(assessment.kind.rawValue) '\(assessment.id)' achieves SL-A \(assessment.slAchieved) against SL-T \(assessment.slTarget) (short in \(frs.joined(separator: ", "))); \(evidence.count) required requirement(s) unmet: \(ids)",
            at: assessment.location, subject: "\(assessment.kind.rawValue):\(assessment.id)",
            severity: worst >= 2 ? .high : .medium, evidence: evidence)
    }
}
