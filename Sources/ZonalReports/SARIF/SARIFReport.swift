import Foundation
import IEC62443
import ZonalAnalysis
import ZonalModel

/// `--format sarif` of `check`, `requirements` and `paths`: results with rule metadata and the model-file line they concern,
/// so code-scanning UIs show each one on its line.
public enum SARIFReport {
    /// Findings as results; the rules are the checks that produced them, with clause and help text.
    public static func findings(_ assessment: Assessment) -> String {
        findings(assessment.findings, described: CheckRegistry.all)
    }

    /// `zonal traffic --format sarif`: violations as results on the model line of the conduit, asset or zone concerned,
    /// with the capture frames to open in Wireshark in each message.
    public static func traffic(_ assessment: TrafficAssessment) -> String {
        findings(assessment.findings, described: TrafficCheckRegistry.all, evidenceInMessage: true)
    }

    static func findings(_ findings: [Finding], described all: [any CheckDescription], evidenceInMessage: Bool = false) -> String {
        let checks = all.filter { check in findings.contains { $0.check == check.id } }
        let rules = checks.map { c in
            rule(id: c.id, name: c.title, short: c.title, full: "\(c.title) (\(c.clause)). \(c.rationale)",
                 help: "Fix: \(c.remediation)", level: level(c.severity), properties: ["clause": c.clause])
        }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = findings.map { f in
            let evidence = evidenceInMessage && !f.evidence.isEmpty ? " (evidence: \(f.evidence.joined(separator: "; ")))" : ""
            return SARIFLog.Result(ruleId: f.check, ruleIndex: index[f.check] ?? -1, level: level(f.severity),
                                   message: .init(text: "\(f.message)\(evidence) Fix: \(f.remediation)"), locations: [location(f.location)],
                                   partialFingerprints: ["zonalFinding/v1": "\(f.check)|\(f.subject)|\(f.message)"],
                                   properties: ["severity": f.severity.rawValue, "subject": f.subject, "clause": f.clause])
        }
        return log(rules: rules, results: results)
    }

    /// Requirements required by SL-T and not met, as results at the zone or conduit; the rules are the requirements.
    public static func requirements(_ targets: [TargetAssessment]) -> String {
        var seen: Set<String> = []
        var rules: [SARIFLog.Rule] = []
        var results: [SARIFLog.Result] = []
        for target in targets {
            for status in target.unmet {
                let r = status.requirement
                if seen.insert(r.id).inserted {
                    rules.append(rule(id: r.id, name: r.title, short: r.title, full: "IEC 62443-3-3 \(r.id): \(r.title)",
                                      help: "Required from SL \(r.minimumLevel?.rawValue ?? 1) in \(r.fr?.abbreviation ?? "its FR").",
                                      level: "warning", properties: ["fr": r.fr?.abbreviation ?? ""]))
                }
                let ruleIndex = rules.firstIndex { $0.id == r.id } ?? -1
                results.append(SARIFLog.Result(
                    ruleId: r.id, ruleIndex: ruleIndex, level: "warning",
                    message: .init(text: "\(target.kind.rawValue) \(target.id): \(r.id) (\(r.title)) is required by SL-T \(target.slTarget) and not met."
                                   + (status.remedy.map { " Would meet it: \($0)" } ?? "")),
                    locations: [location(target.location)],
                    partialFingerprints: ["zonalRequirement/v1": "\(target.kind.rawValue):\(target.id)|\(r.id)"],
                    properties: ["target": "\(target.kind.rawValue):\(target.id)"]))
            }
        }
        return log(rules: rules, results: results)
    }

    /// Attack paths as results at the conduit of their weak link; one rule, the path criterion.
    public static func paths(_ paths: [AttackPath], model: SystemModel) -> String {
        let rules = [rule(id: "attack-path", name: "Least protected path into a control or safety zone",
                          short: "Least protected path from an enterprise or external zone to a control or safety zone",
                          full: "The path an attacker starting in an enterprise or external zone would take to reach a control or safety zone with the least protection to defeat.",
                          help: "Strengthen the weak link, or remove the conduit if the path is not needed.", level: "note", properties: [:])]
        let results = paths.map { path in
            let conduit = path.weakLink.flatMap { model.conduit($0.conduit) }
            return SARIFLog.Result(
                ruleId: "attack-path", ruleIndex: 0, level: path.protection <= 1 ? "warning" : "note",
                message: .init(text: "\(path.entry) reaches \(path.target) in \(path.hops.count) hop(s): \(path.description); strongest barrier \(path.barrier?.enforcement.rawValue ?? "none")."),
                locations: [location(conduit?.location ?? .unknown(model.file))],
                partialFingerprints: ["zonalPath/v1": "\(path.entry)|\(path.target)"],
                properties: ["entry": path.entry, "target": path.target, "protection": String(path.protection)])
        }
        return log(rules: rules, results: results)
    }

    private static func log(rules: [SARIFLog.Rule], results: [SARIFLog.Result]) -> String {
        JSONOutput.encode(SARIFLog(runs: [.init(tool: .init(driver: .init(name: "Zonal", rules: rules)),
                                                columnKind: "unicodeCodePoints", results: results)]))
    }

    private static func rule(id: String, name: String, short: String, full: String, help: String, level: String,
                             properties: [String: String]) -> SARIFLog.Rule {
        SARIFLog.Rule(id: id, name: name, shortDescription: .init(text: short), fullDescription: .init(text: full),
                      help: .init(text: help, markdown: nil), defaultConfiguration: .init(level: level), properties: properties)
    }

    /// SARIF has three result levels; critical and high block, medium warns, low and info inform.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// A model-file location; relative paths are relative to the source root, as code-scanning uploads expect.
    static func location(_ l: SourceLocation) -> SARIFLog.Location {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let uri = l.file.addingPercentEncoding(withAllowedCharacters: allowed) ?? l.file
        let absolute = l.file.hasPrefix("/")
        return SARIFLog.Location(physicalLocation: .init(
            artifactLocation: .init(uri: absolute ? "file://" + uri : uri, uriBaseId: absolute ? nil : "%SRCROOT%"),
            region: l.line > 0 ? .init(startLine: l.line, startColumn: max(l.column, 1)) : nil))
    }
}
