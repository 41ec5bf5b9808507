import IEC62443
import ZonalAnalysis
import ZonalModel

/// The JSON shape of `zonal risk --format json`.
struct RiskDocument: Encodable {
    struct Criteria: Encodable {
        let declared: Bool
        let likelihood: [String]
        let consequence: [String]
        let categories: [String]
        let riskLevels: [String]
        let matrix: [[String]]
        let tolerable: String
        let slCredit: Int
    }

    struct Cell: Encodable {
        let likelihood: String
        let likelihoodLevel: Int
        let consequence: String
        let consequenceLevel: Int
        let category: String
        let risk: String
        let tolerable: Bool

        init(_ cell: RiskCell, _ c: RiskCriteria) {
            likelihood = c.likelihoodName(cell.likelihood)
            likelihoodLevel = cell.likelihood
            consequence = c.consequenceName(cell.consequence)
            consequenceLevel = cell.consequence
            category = cell.category
            risk = c.riskName(cell.risk)
            tolerable = c.isTolerable(cell.risk)
        }
    }

    struct Defence: Encodable {
        let kind: String
        let id: String
        let achieved: [String: Int]
        let short: [String]
    }

    struct Effect: Encodable {
        let countermeasure: String
        let lowers: String
        let by: Int
        let categories: [String]
    }

    struct Gap: Encodable {
        let kind: String
        let target: String
        let requirement: String
        let title: String
        let remedy: String?
    }

    struct Scenario: Encodable {
        let id: String
        let name: String?
        let source: String
        let attacker: String
        let requiredLevel: Int
        let entry: String
        let targets: [String]
        let vulnerabilities: [String]
        let frs: [String]
        let consequences: [String: String]
        let unmitigated: Cell
        let defences: [Defence]
        let securityLevelCredit: Bool
        let effects: [Effect]
        let residual: Cell
        let gaps: [Gap]
        let residualIfGapsClosed: Cell?
        let location: ReportValues.Location
    }

    struct Setter: Encodable {
        let scenario: String
        let attacker: String
        let cell: Cell
    }

    struct Trace: Encodable {
        let fr: String
        let level: Int
        let setBy: [Setter]
        let inheritedFrom: String?
    }

    struct Target: Encodable {
        let kind: String
        let id: String
        let declared: ReportValues.Vector
        let declaredExplicitly: Bool
        let derived: ReportValues.Vector
        let below: [String]
        let above: [String]
        let trace: [Trace]
    }

    struct Record: Encodable {
        let kind: String
        let id: String
        let threats: [String]
        let vulnerabilities: [String]
        let worstUnmitigated: Cell?
        let derived: ReportValues.Vector
        let unmitigatedTolerable: Bool
        let countermeasures: [String]
        let worstResidual: Cell?
        let residualTolerable: Bool
        let additionalCountermeasures: [Gap]
        let result: String
    }

    let criteria: Criteria
    let initialRisk: Cell?
    let initialRiskScenario: String?
    let detailedAssessmentRequired: Bool
    let scenarios: [Scenario]
    let zones: [Target]
    let conduits: [Target]
    let records: [Record]

    init(_ risk: RiskAssessment) {
        let c = risk.criteria
        criteria = Criteria(declared: risk.criteriaDeclared, likelihood: c.likelihood.map(\.name), consequence: c.consequence.map(\.name),
                            categories: c.categories, riskLevels: c.riskLevels, matrix: c.matrix.map { $0.map(c.riskName) },
                            tolerable: c.riskName(c.tolerable), slCredit: c.slCredit)
        initialRisk = risk.initialRisk.map { Cell($0, c) }
        initialRiskScenario = risk.initialRiskScenario
        detailedAssessmentRequired = risk.detailedAssessmentRequired
        func gap(_ g: ScenarioRisk.RequirementGap) -> Gap {
            Gap(kind: g.kind.rawValue, target: g.target, requirement: g.requirement.id, title: g.requirement.title, remedy: g.remedy)
        }
        scenarios = risk.scenarios.map { s in
            var consequences: [String: String] = [:]
            for (category, level) in s.scenario.consequences { consequences[category] = c.consequenceName(level) }
            return Scenario(
                id: s.scenario.id, name: s.scenario.name, source: s.scenario.source, attacker: s.scenario.attacker.rawValue,
                requiredLevel: s.requiredLevel.rawValue, entry: s.scenario.entry, targets: s.scenario.targets,
                vulnerabilities: s.scenario.vulnerabilities, frs: s.scenario.frs.map(\.abbreviation), consequences: consequences,
                unmitigated: Cell(s.unmitigated, c),
                defences: s.defences.map { d in
                    var achieved: [String: Int] = [:]
                    for (fr, level) in d.achieved { achieved[fr.abbreviation] = level.rawValue }
                    return Defence(kind: d.kind.rawValue, id: d.id, achieved: achieved, short: d.short.map(\.abbreviation))
                },
                securityLevelCredit: s.securityLevelCredit,
                effects: s.effects.map { Effect(countermeasure: $0.countermeasure, lowers: $0.mitigation.lowers.rawValue, by: $0.mitigation.by, categories: $0.mitigation.categories) },
                residual: Cell(s.residual, c), gaps: s.gaps.map(gap), residualIfGapsClosed: s.residualIfGapsClosed.map { Cell($0, c) },
                location: ReportValues.Location(s.scenario.location))
        }
        func target(_ t: DerivedTarget) -> Target {
            Target(kind: t.kind.rawValue, id: t.id, declared: ReportValues.Vector(t.declared), declaredExplicitly: t.declaredExplicitly,
                   derived: ReportValues.Vector(t.derived), below: t.below.map(\.abbreviation), above: t.above.map(\.abbreviation),
                   trace: t.trace.map { tr in
                       Trace(fr: tr.fr.abbreviation, level: tr.level.rawValue,
                             setBy: tr.setBy.map { Setter(scenario: $0.scenario, attacker: $0.attacker.rawValue, cell: Cell($0.cell, c)) },
                             inheritedFrom: tr.inheritedFrom)
                   })
        }
        zones = risk.zones.map(target)
        conduits = risk.conduits.map(target)
        records = (risk.zoneRecords + risk.conduitRecords).map { r in
            Record(kind: r.kind.rawValue, id: r.id, threats: r.threats, vulnerabilities: r.vulnerabilities,
                   worstUnmitigated: r.worstUnmitigated.map { Cell($0, c) }, derived: ReportValues.Vector(r.derived),
                   unmitigatedTolerable: r.unmitigatedTolerable, countermeasures: r.countermeasures,
                   worstResidual: r.worstResidual.map { Cell($0, c) }, residualTolerable: r.residualTolerable,
                   additionalCountermeasures: r.additionalCountermeasures.map(gap), result: r.result)
        }
    }
}
