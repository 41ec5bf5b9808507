import IEC62443
import ZonalAnalysis
import ZonalModel

/// The values the HTML templates show, shared by the assessment report and the requirements specification.
enum ReportViews {
    struct SeverityCount { let severity: String; let count: Int }
    struct FindingView {
        let severity: String, check: String, title: String, clause: String, location: String, subject: String, message: String, remediation: String
        /// At most `evidenceShown` lines; the requirement gap tables list the rest.
        let evidence: [String]
        let hasEvidence: Bool
        let moreEvidence: String?
    }

    static let evidenceShown = 8
    struct RequirementRow { let met: Bool; let id: String; let fr: String; let title: String; let how: String }
    struct TargetView {
        let kind: String, id: String, name: String, slTarget: String, slAchieved: String, met: Int, required: Int, gap: String
        let rows: [RequirementRow]
        let complete: Bool
    }
    struct HopView { let index: Int; let from: String; let conduit: String; let to: String; let enforcement: String; let weak: Bool }
    struct PathView { let entry: String; let target: String; let hops: [HopView]; let barrier: String; let protection: Int }

    static func counts(_ assessment: Assessment) -> [SeverityCount] {
        Severity.allCases.reversed().map { SeverityCount(severity: $0.rawValue, count: assessment.counts[$0] ?? 0) }
    }

    static func finding(_ f: Finding) -> FindingView {
        FindingView(severity: f.severity.rawValue, check: f.check, title: CheckRegistry.description(f.check)?.title ?? f.check, clause: f.clause,
                    location: f.location.description, subject: f.subject, message: f.message, remediation: f.remediation, evidence: Array(f.evidence.prefix(evidenceShown)),
                    hasEvidence: !f.evidence.isEmpty,
                    moreEvidence: f.evidence.count > evidenceShown ? "… and \(f.evidence.count - evidenceShown) more (see the requirement gaps)" : nil)
    }

    static func target(_ t: TargetAssessment) -> TargetView {
        let rows = t.required.map { s in
            RequirementRow(met: s.met, id: s.requirement.id, fr: s.requirement.fr?.abbreviation ?? "", title: s.requirement.title,
                           how: s.met ? s.satisfiedBy.map(RequirementsReport.describe).joined(separator: "; ") : (s.remedy ?? ""))
        }
        let gap = t.gap.keys.sorted().map { "\($0.abbreviation) −\(t.gap[$0]!)" }.joined(separator: ", ")
        let met = rows.filter(\.met).count
        return TargetView(kind: t.kind.rawValue, id: t.id, name: t.name, slTarget: t.slTarget.description, slAchieved: t.slAchieved.description,
                          met: met, required: rows.count, gap: gap.isEmpty ? "none" : gap, rows: rows, complete: met == rows.count)
    }

    static func path(_ p: AttackPath) -> PathView {
        PathView(entry: p.entry, target: p.target,
                 hops: p.hops.enumerated().map { i, h in HopView(index: i + 1, from: h.from, conduit: h.conduit, to: h.to, enforcement: h.enforcement.rawValue, weak: h == p.weakLink) },
                 barrier: p.barrier.map { "\($0.conduit) (\($0.enforcement.rawValue))" } ?? "none", protection: p.protection)
    }
}
