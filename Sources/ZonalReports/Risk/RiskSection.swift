import ZonalAnalysis

/// The risk section of the HTML assessment report: criteria, the register, both heat maps and the SL-T derivation,
/// drawn from the same `RiskReport` rows and `RiskMatrixSVG` drawings `zonal risk` shows.
struct RiskSection {
    struct Row { let cells: [String]; let intolerable: Bool }
    struct TargetRow { let kind: String, id: String, declared: String, derived: String, comparison: String, below: Bool }
    struct Trace { let kind: String, id: String, derived: String, lines: [String] }

    let criteria: String, initial: String
    let hasScenarios: Bool
    let header: [String]
    let rows: [Row]
    /// Already-escaped SVG from `RiskMatrixSVG`, inserted raw.
    let unmitigated: String, residual: String
    let targets: [TargetRow]
    let traces: [Trace]

    init(_ risk: RiskAssessment) {
        let c = risk.criteria
        criteria = RiskReport.criteriaSummary(risk)
        initial = RiskReport.initialRiskLine(risk)
        hasScenarios = !risk.scenarios.isEmpty
        header = RiskReport.registerHeader
        rows = risk.scenarios.map { Row(cells: RiskReport.registerRow($0, c), intolerable: !$0.residualTolerable) }
        let maps = RiskMatrixSVG.heatMaps(risk)
        unmitigated = maps.unmitigated
        residual = maps.residual
        targets = (risk.zones + risk.conduits).map {
            TargetRow(kind: $0.kind.rawValue, id: $0.id, declared: $0.declared.description, derived: $0.derived.description,
                      comparison: RiskReport.comparison($0), below: !$0.below.isEmpty)
        }
        traces = (risk.zones + risk.conduits).filter { $0.trace.contains { !$0.setBy.isEmpty } }.map {
            Trace(kind: $0.kind.rawValue, id: $0.id, derived: $0.derived.description, lines: RiskTrace.lines($0, criteria: c))
        }
    }
}
