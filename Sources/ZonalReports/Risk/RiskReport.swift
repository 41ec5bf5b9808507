import IEC62443
import ZonalAnalysis
import ZonalModel

/// `zonal risk`: the risk register, the SL-T derivation with its trace, and the ZCR 5 record per zone and conduit, in text, JSON, CSV and Markdown.
public enum RiskReport {
    /// The columns of the risk register, shared by text, CSV and Markdown.
    static let registerHeader = ["scenario", "source", "attacker (SL)", "entry", "targets", "unmitigated", "SL credit", "countermeasures", "residual", "verdict"]

    static func registerRow(_ s: ScenarioRisk, _ c: RiskCriteria) -> [String] {
        [s.scenario.id, s.scenario.source, "\(s.scenario.attacker.rawValue) (\(s.requiredLevel.rawValue))", s.scenario.entry,
         s.scenario.targets.joined(separator: " "), s.unmitigated.describe(c),
         s.securityLevelCredit ? "-\(c.slCredit) (SL-A meets SL \(s.requiredLevel.rawValue))" : "none (SL-A short)",
         s.effects.map { "\($0.countermeasure) \($0.mitigation.lowers.rawValue) -\($0.mitigation.by)" }.joined(separator: "; "),
         s.residual.describe(c), verdict(s)]
    }

    static func verdict(_ s: ScenarioRisk) -> String {
        if s.residualTolerable { return s.unmitigatedTolerable ? "tolerable unmitigated" : "tolerable" }
        return "INTOLERABLE"
    }

    /// "above derived in IAC, UC" / "below derived in SI" / "matches".
    static func comparison(_ t: DerivedTarget) -> String {
        var parts: [String] = []
        if !t.below.isEmpty { parts.append("BELOW derived in " + t.below.map(\.abbreviation).joined(separator: ", ")) }
        if !t.above.isEmpty { parts.append("above derived in " + t.above.map(\.abbreviation).joined(separator: ", ")) }
        return parts.isEmpty ? "matches" : parts.joined(separator: "; ")
    }

    /// One line on the criteria in force, for reports and the requirements specification (ZCR 6.8).
    public static func criteriaSummary(_ risk: RiskAssessment) -> String {
        let c = risk.criteria
        return "\(c.likelihood.count) x \(c.consequence.count) matrix (\(risk.criteriaDeclared ? "the model's criteria" : "default criteria, docs/risk.md")); "
            + "tolerable up to '\(c.riskName(c.tolerable))'; SL credit \(c.slCredit) likelihood level(s)"
    }

    /// The ZCR 2 initial risk and the ZCR 4 verdict in one line.
    public static func initialRiskLine(_ risk: RiskAssessment) -> String {
        guard let initial = risk.initialRisk, let id = risk.initialRiskScenario else { return "ZCR 2 initial risk: no threat scenario stated" }
        return "ZCR 2 initial risk: \(initial.describe(risk.criteria)) (scenario '\(id)'); ZCR 4: "
            + (risk.detailedAssessmentRequired ? "above the tolerable risk, a detailed risk assessment (ZCR 5) is required" : "within the tolerable risk")
    }

    public static func text(_ risk: RiskAssessment, style: TextStyle) -> String {
        let c = risk.criteria
        var out = style.bold("Risk criteria: ") + criteriaSummary(risk) + "\n" + initialRiskLine(risk) + "\n"
        guard !risk.scenarios.isEmpty else { return out + "No threat scenario is stated, so no SL-T is derived and no residual risk judged.\n" }
        out += "\n"
        out += style.bold("Risk register") + "\n"
        var register = TextTable()
        register.add(registerHeader.map(style.bold))
        for s in risk.scenarios {
            var row = registerRow(s, c)
            if !s.residualTolerable { row[row.count - 1] = style.severity(.high, row[row.count - 1]) }
            register.add(row)
        }
        out += register.render(indent: "  ") + "\n"
        for s in risk.scenarios where !s.residualTolerable {
            let ids = s.gapRequirementIDs
            out += "  \(s.scenario.id): " + (s.residualIfGapsClosed.map { closed in
                "closing \(ids.count) requirement gap(s) would leave \(closed.describe(c))" + (c.isTolerable(closed.risk) ? "" : ", still intolerable")
            } ?? "no requirement gap to close; add countermeasures") + (ids.isEmpty ? "" : ": " + ids.joined(separator: ", ")) + "\n"
        }
        out += "\n" + style.bold("SL-T derived from the scenarios (ZCR 5.6)") + "\n"
        var targets = TextTable()
        targets.add(["", "id", "declared", "derived", "comparison"].map(style.bold))
        for t in risk.zones + risk.conduits {
            let comparison = comparison(t)
            targets.add([t.kind.rawValue, t.id, t.declared.description + (t.declaredExplicitly ? "" : " (zones)"), t.derived.description,
                         t.below.isEmpty ? comparison : style.severity(.high, comparison)])
        }
        out += targets.render(indent: "  ") + "\n"
        for t in risk.zones + risk.conduits where t.trace.contains(where: { !$0.setBy.isEmpty }) {
            out += "\n  " + style.bold("\(t.kind.rawValue) \(t.id)") + " SL-T \(t.derived)\n"
            for line in RiskTrace.lines(t, criteria: c) { out += "    \(line)\n" }
        }
        out += "\n" + style.bold("Detailed assessment per zone and conduit (ZCR 5.1-5.13)") + "\n"
        for r in risk.zoneRecords + risk.conduitRecords where !r.threats.isEmpty {
            out += "  \(r.kind.rawValue) \(r.id): threats \(r.threats.joined(separator: ", ")); worst unmitigated \(r.worstUnmitigated.map { c.riskName($0.risk) } ?? "-"), "
                + "residual \(r.worstResidual.map { c.riskName($0.risk) } ?? "-"); \(r.result)\n"
        }
        return out
    }

    public static func csv(_ risk: RiskAssessment) -> String {
        var out = registerHeader.map(CSVField.escape).joined(separator: ",") + "\r\n"
        for s in risk.scenarios { out += registerRow(s, risk.criteria).map(CSVField.escape).joined(separator: ",") + "\r\n" }
        return out
    }

    /// `heading` lets the assessment report number the section.
    public static func markdown(_ risk: RiskAssessment, heading: String = "Risk assessment") -> String {
        let c = risk.criteria
        var out = "## \(heading)\n\n\(MarkdownText.inline(criteriaSummary(risk))).\n\n\(MarkdownText.inline(initialRiskLine(risk))).\n\n"
        guard !risk.scenarios.isEmpty else { return out + "No threat scenario is stated, so no SL-T is derived and no residual risk judged.\n" }
        out += "### Risk register\n\n"
        out += "| " + registerHeader.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: registerHeader.count) + "\n"
        for s in risk.scenarios { out += "| " + registerRow(s, c).map(MarkdownText.cell).joined(separator: " | ") + " |\n" }
        out += "\n### Target security levels derived from the scenarios\n\n| | id | declared | derived | comparison |\n| --- | --- | --- | --- | --- |\n"
        for t in risk.zones + risk.conduits {
            out += "| \(t.kind.rawValue) | \(MarkdownText.cell(t.id)) | \(t.declared) | \(t.derived) | \(comparison(t)) |\n"
        }
        for t in risk.zones + risk.conduits where t.trace.contains(where: { !$0.setBy.isEmpty }) {
            out += "\n**\(t.kind.rawValue) \(MarkdownText.cell(t.id))** SL-T \(t.derived):\n\n"
            for line in RiskTrace.lines(t, criteria: c) { out += "- \(MarkdownText.cell(line))\n" }
        }
        out += "\n### Detailed assessment per zone and conduit (ZCR 5.1-5.13)\n\n| | id | threats | worst unmitigated | worst residual | result |\n| --- | --- | --- | --- | --- | --- |\n"
        for r in risk.zoneRecords + risk.conduitRecords where !r.threats.isEmpty {
            out += "| \(r.kind.rawValue) | \(MarkdownText.cell(r.id)) | \(MarkdownText.cell(r.threats.joined(separator: ", "))) | \(MarkdownText.cell(r.worstUnmitigated.map { $0.describe(c) } ?? "-")) | "
                + "\(MarkdownText.cell(r.worstResidual.map { $0.describe(c) } ?? "-")) | \(MarkdownText.cell(r.result)) |\n"
        }
        return out
    }

    public static func json(_ risk: RiskAssessment) -> String {
        JSONOutput.encode(RiskDocument(risk))
    }
}
