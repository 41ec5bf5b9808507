import IEC62443
import ZonalAnalysis
import ZonalModel

/// `zonal check`: the findings of an assessment, with the SL-A summary per zone, as text or JSON.
public enum CheckReport {
    struct Document: Encodable {
        struct System: Encodable { let name: String; let owner: String?; let model: String }
        struct Summary: Encodable {
            let findings: Int
            let bySeverity: [String: Int]
            let zones: Int, assets: Int, conduits: Int, flows: Int
        }
        struct ZoneLevel: Encodable {
            let id: String
            let slTarget: ReportValues.Vector
            let slAchieved: ReportValues.Vector
            let gap: [String: Int]
        }
        let system: System
        let summary: Summary
        let findings: [ReportValues.FindingValue]
        let zones: [ZoneLevel]
    }

    public static func json(_ assessment: Assessment) -> String {
        let model = assessment.model
        var bySeverity: [String: Int] = [:]
        for severity in Severity.allCases { bySeverity[severity.rawValue] = assessment.counts[severity] ?? 0 }
        let document = Document(
            system: .init(name: model.system.name, owner: model.system.owner, model: model.file),
            summary: .init(findings: assessment.findings.count, bySeverity: bySeverity, zones: model.zones.count, assets: model.assets.count,
                           conduits: model.conduits.count, flows: model.flows.count),
            findings: assessment.findings.map(ReportValues.FindingValue.init),
            zones: assessment.zones.map { zone in
                .init(id: zone.id, slTarget: .init(zone.slTarget), slAchieved: .init(zone.slAchieved),
                      gap: Dictionary(uniqueKeysWithValues: zone.gap.map { ($0.key.abbreviation, $0.value) }))
            })
        return JSONOutput.encode(document)
    }

    public static func text(_ assessment: Assessment, style: TextStyle) -> String {
        let model = assessment.model
        var out = style.bold(model.system.name) + (model.system.owner.map { " — \($0)" } ?? "") + "\n"
        out += style.dim("\(model.file): \(model.zones.count) zones, \(model.assets.count) assets, \(model.conduits.count) conduits, \(model.flows.count) flows") + "\n\n"
        for finding in assessment.findings { out += FindingText.block(finding, style: style, more: " (see 'zonal requirements')") }
        var table = TextTable()
        table.add(["zone", "kind", "SL-T", "SL-A", "gap"].map(style.bold))
        for zone in assessment.zones {
            let kind = model.zone(zone.id)?.kind.rawValue ?? ""
            let gap = zone.gap.keys.sorted().map { "\($0.abbreviation) -\(zone.gap[$0]!)" }.joined(separator: " ")
            table.add([zone.id, kind, zone.slTarget.description, zone.slAchieved.description, gap.isEmpty ? style.green("met") : style.severity(.medium, gap)])
        }
        out += table.render() + "\n\n"
        let counts = Severity.allCases.reversed().map { "\(assessment.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        out += assessment.findings.isEmpty ? style.green("No findings.") + "\n" : "\(assessment.findings.count) findings: \(counts)\n"
        return out
    }
}
