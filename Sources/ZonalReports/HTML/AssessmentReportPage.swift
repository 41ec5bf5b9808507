import IEC62443
import ZonalAnalysis
import ZonalModel

/// `zonal report`: the assessment as one self-contained HTML page for an asset owner — summary with verdict per zone,
/// the zone & conduit diagram, SL-T against SL-A per zone, findings, requirement gaps per zone and conduit, attack paths,
/// and the risk assessment when the model states one.
/// No network, no external assets: CSS and SVG are inline, and the print stylesheet makes print-to-PDF clean.
public enum AssessmentReportPage {
    struct ZoneVerdict { let id: String, name: String, kind: String, slTarget: String, slAchieved: String, findings: Int, verdict: String, ok: Bool }

    struct View {
        let title: String, system: String, owner: String?, description: String?, date: String, digest: String, file: String, approval: String?
        let zoneCount: Int, assetCount: Int, conduitCount: Int, flowCount: Int, findingCount: Int
        let counts: [ReportViews.SeverityCount]
        let verdicts: [ZoneVerdict]
        let diagram: String, chart: String
        let findings: [ReportViews.FindingView]
        let zones: [ReportViews.TargetView], conduits: [ReportViews.TargetView]
        let paths: [ReportViews.PathView]
        let risk: RiskSection?
    }

    public static func html(_ assessment: Assessment, header: ReportHeader) -> String {
        Templates.render("report.html", view(assessment, header: header))
    }

    static func view(_ assessment: Assessment, header: ReportHeader) -> View {
        let model = assessment.model
        return View(title: "IEC 62443 assessment: \(model.system.name)", system: model.system.name, owner: model.system.owner,
                    description: model.system.description, date: header.date, digest: header.modelDigest, file: model.file, approval: header.approval,
                    zoneCount: model.zones.count, assetCount: model.assets.count, conduitCount: model.conduits.count, flowCount: model.flows.count,
                    findingCount: assessment.findings.count, counts: ReportViews.counts(assessment), verdicts: verdicts(assessment),
                    diagram: ZoneDiagram.svg(assessment), chart: SecurityLevelChart.svg(assessment.zones),
                    findings: assessment.findings.map(ReportViews.finding), zones: assessment.zones.map(ReportViews.target),
                    conduits: assessment.conduits.map(ReportViews.target), paths: assessment.attackPaths.map(ReportViews.path),
                    risk: assessment.risk.map(RiskSection.init))
    }

    /// Each zone's verdict: SL-T achieved or not, and whether findings of medium severity or worse remain on it.
    static func verdicts(_ assessment: Assessment) -> [ZoneVerdict] {
        let model = assessment.model
        let markers = FindingMarkers(assessment)
        return assessment.zones.map { zone -> ZoneVerdict in
            let findings = markers.byZone[zone.id] ?? []
            let worst = findings.map(\.severity).max()
            let verdict: String
            if !zone.gap.isEmpty { verdict = "SL-T not achieved (" + zone.gap.keys.sorted().map(\.abbreviation).joined(separator: ", ") + ")" }
            else if let worst, worst >= .medium { verdict = "SL-T achieved; \(worst.rawValue) findings open" }
            else { verdict = "SL-T achieved" }
            return ZoneVerdict(id: zone.id, name: zone.name, kind: model.zone(zone.id)?.kind.rawValue ?? "", slTarget: zone.slTarget.description,
                               slAchieved: zone.slAchieved.description, findings: findings.count, verdict: verdict,
                               ok: zone.gap.isEmpty && (worst ?? .info) < .medium)
        }
    }
}
