import IEC62443
import ZonalAnalysis
import ZonalModel

/// `--format markdown` of `check`, `requirements` and `paths`; the Markdown report and the CRS reuse these sections.
public enum AssessmentMarkdown {
    /// Findings with the SL-T/SL-A summary per zone.
    public static func check(_ assessment: Assessment) -> String {
        let model = assessment.model
        var out = "# \(MarkdownText.inline(model.system.name)): findings\n\n"
        out += "`\(model.file)`: \(model.zones.count) zones, \(model.assets.count) assets, \(model.conduits.count) conduits, \(model.flows.count) flows. "
        out += counts(assessment) + "\n\n"
        out += "## Security levels per zone\n\n" + levels(assessment) + "\n"
        out += "## Findings\n\n" + findings(assessment.findings)
        return out
    }

    /// "3 findings: 0 critical, 1 high, …" or "No findings."
    static func counts(_ assessment: Assessment) -> String {
        guard !assessment.findings.isEmpty else { return "No findings." }
        return "\(assessment.findings.count) findings: " + Severity.allCases.reversed().map { "\(assessment.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "."
    }

    /// One row per zone: kind, SL-T, SL-A, gap.
    static func levels(_ assessment: Assessment) -> String {
        var out = "| zone | kind | SL-T | SL-A | gap |\n| --- | --- | --- | --- | --- |\n"
        for zone in assessment.zones {
            let gap = zone.gap.keys.sorted().map { "\($0.abbreviation) −\(zone.gap[$0]!)" }.joined(separator: ", ")
            out += "| `\(zone.id)` \(MarkdownText.cell(zone.name)) | \(assessment.model.zone(zone.id)?.kind.rawValue ?? "") | \(zone.slTarget) | \(zone.slAchieved) | \(gap.isEmpty ? "met" : gap) |\n"
        }
        return out
    }

    /// Each finding as a short section: severity, check, where, message, clause, fix, evidence.
    static func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "No findings.\n" }
        var out = ""
        for f in findings {
            let title = CheckRegistry.description(f.check)?.title ?? f.check
            out += "### \(f.severity.rawValue.uppercased()) \(f.check): \(MarkdownText.inline(title))\n\n"
            out += "- **where:** `\(f.location)` (\(MarkdownText.inline(f.subject)))\n"
            out += "- **finding:** \(MarkdownText.inline(f.message))\n"
            out += "- **clause:** \(MarkdownText.inline(f.clause))\n"
            out += "- **fix:** \(MarkdownText.inline(f.remediation))\n"
            if !f.evidence.isEmpty {
                out += "- **evidence:**\n" + f.evidence.map { "  - \(MarkdownText.inline($0))\n" }.joined()
            }
            out += "\n"
        }
        return out
    }

    /// Per zone and conduit, the required requirements with status.
    public static func requirements(_ targets: [TargetAssessment], headingLevel: Int = 1) -> String {
        let h = String(repeating: "#", count: headingLevel)
        var out = "\(h) Requirements per zone and conduit\n\n"
        for t in targets {
            let met = t.required.filter(\.met).count
            out += "\(h)# \(t.kind.rawValue) `\(t.id)`: \(MarkdownText.inline(t.name))\n\n"
            out += "SL-T \(t.slTarget), SL-A \(t.slAchieved); \(met) of \(t.required.count) required met.\n\n"
            guard !t.required.isEmpty else { out += "Nothing is required at this SL-T.\n\n"; continue }
            out += "| status | requirement | FR | title | met by / would meet it |\n| --- | --- | --- | --- | --- |\n"
            for s in t.required {
                let how = s.met ? s.satisfiedBy.map(RequirementsReport.describe).joined(separator: "; ") : (s.remedy ?? "")
                out += "| \(s.met ? "met" : "**unmet**") | \(s.requirement.id) | \(s.requirement.fr?.abbreviation ?? "") | \(MarkdownText.cell(s.requirement.title)) | \(MarkdownText.cell(how)) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Each attack path hop by hop.
    public static func paths(_ paths: [AttackPath], headingLevel: Int = 1) -> String {
        let h = String(repeating: "#", count: headingLevel)
        var out = "\(h) Attack paths\n\n"
        guard !paths.isEmpty else { return out + "No path leads from an enterprise or external zone to a control or safety zone.\n" }
        for path in paths {
            out += "\(h)# `\(path.entry)` → `\(path.target)`\n\n"
            out += "\(path.hops.count) hop(s); strongest barrier: \(path.barrier.map { "`\($0.conduit)` (\($0.enforcement.rawValue))" } ?? "none").\n\n"
            out += "| hop | from | conduit | to | enforcement | |\n| --- | --- | --- | --- | --- | --- |\n"
            for (i, hop) in path.hops.enumerated() {
                out += "| \(i + 1) | `\(hop.from)` | `\(hop.conduit)` | `\(hop.to)` | \(hop.enforcement.rawValue) | \(hop == path.weakLink ? "weak link" : "") |\n"
            }
            out += "\n"
        }
        return out
    }
}
