import IEC62443
import ZonalAnalysis
import ZonalModel

/// `--format csv` of `check`, `requirements` and `paths`, for spreadsheets: one header row, RFC 4180 quoting, CRLF line ends.
public enum AssessmentCSV {
    /// One row per finding.
    public static func findings(_ assessment: Assessment) -> String {
        rows(["severity", "check", "title", "clause", "file", "line", "column", "subject", "message", "remediation"],
             assessment.findings.map { f in
                 [f.severity.rawValue, f.check, CheckRegistry.check(f.check)?.title ?? "", f.clause, f.location.file, String(f.location.line),
                  String(f.location.column), f.subject, f.message, f.remediation]
             })
    }

    /// One row per requirement in scope of each zone and conduit, with its status and what meets it or would.
    public static func requirements(_ targets: [TargetAssessment]) -> String {
        rows(["kind", "target", "requirement", "fr", "title", "required", "status", "satisfied_by", "remedy"],
             targets.flatMap { t in
                 t.statuses.map { s in
                     [t.kind.rawValue, t.id, s.requirement.id, s.requirement.fr?.abbreviation ?? "", s.requirement.title,
                      s.required ? "yes" : "no", s.met ? "met" : "unmet", s.satisfiedBy.map(RequirementsReport.describe).joined(separator: "; "),
                      s.remedy ?? ""]
                 }
             })
    }

    /// One row per hop of each attack path.
    public static func paths(_ paths: [AttackPath]) -> String {
        rows(["entry", "target", "hop", "from", "conduit", "to", "enforcement", "weak_link", "path_protection"],
             paths.flatMap { path in
                 path.hops.enumerated().map { i, hop in
                     [path.entry, path.target, String(i + 1), hop.from, hop.conduit, hop.to, hop.enforcement.rawValue,
                      hop == path.weakLink ? "yes" : "no", String(path.protection)]
                 }
             })
    }

    private static func rows(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(CSVField.text).joined(separator: ",") + "\r\n" }.joined()
    }
}
