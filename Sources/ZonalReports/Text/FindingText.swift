import ZonalAnalysis

/// One finding as a block of terminal text (severity, check, location, message, clause, fix, evidence), shared by the reports that list findings.
public enum FindingText {
    /// At most `evidence` lines of evidence; `more` follows the count of the lines left out.
    public static func block(_ finding: Finding, style: TextStyle, evidence: Int = 12, more: String = "") -> String {
        let label = style.severity(finding.severity, finding.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0))
        var out = "\(label) \(style.bold(finding.check))  \(finding.location)\n"
        out += "         \(finding.message)\n"
        out += style.dim("         clause: \(finding.clause)") + "\n"
        out += "         fix: \(finding.remediation)\n"
        for line in finding.evidence.prefix(evidence) { out += style.dim("           - \(line)") + "\n" }
        if finding.evidence.count > evidence { out += style.dim("           - … \(finding.evidence.count - evidence) more\(more)") + "\n" }
        return out + "\n"
    }
}
