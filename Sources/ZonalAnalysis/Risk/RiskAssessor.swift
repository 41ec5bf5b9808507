import IEC62443
import ZonalModel

/// The risk assessment as pure functions of the analysis context: scenario risks, the SL-T derivation and the ZCR 5 records.
/// The method, step by step, is in docs/risk.md.
public enum RiskAssessor {
    /// Nil when the model has neither threat scenarios nor risk criteria: such a model is assessed exactly as before.
    public static func assess(_ context: AnalysisContext) -> RiskAssessment? {
        let model = context.model
        guard !model.threatScenarios.isEmpty || model.riskCriteria != nil else { return nil }
        let criteria = model.riskCriteria ?? .default
        var zoneAssessments: [String: TargetAssessment] = [:]
        for a in context.zoneAssessments where zoneAssessments[a.id] == nil { zoneAssessments[a.id] = a }
        var conduitAssessments: [String: TargetAssessment] = [:]
        for a in context.conduitAssessments where conduitAssessments[a.id] == nil { conduitAssessments[a.id] = a }

        let scenarios = model.threatScenarios.map {
            evaluate($0, criteria: criteria, model: model, zones: zoneAssessments, conduits: conduitAssessments)
        }
        let zones = model.zones.map { deriveZone($0, scenarios: scenarios) }
        var derivedByZone: [String: DerivedTarget] = [:]
        for z in zones where derivedByZone[z.id] == nil { derivedByZone[z.id] = z }
        let conduits = model.conduits.indices.map { deriveConduit(at: $0, scenarios: scenarios, zones: derivedByZone, context: context) }
        let initial = scenarios.max { order($0.unmitigated) < order($1.unmitigated) }
        return RiskAssessment(
            criteria: criteria, criteriaDeclared: model.riskCriteria != nil,
            initialRisk: initial?.unmitigated, initialRiskScenario: initial?.scenario.id,
            scenarios: scenarios, zones: zones, conduits: conduits,
            zoneRecords: zones.map { z in record(z, threats: scenarios.filter { $0.scenario.targets.contains(z.id) }, criteria: criteria) },
            conduitRecords: conduits.map { c in record(c, threats: scenarios.filter { $0.scenario.entry == c.id }, criteria: criteria) })
    }

    /// Cells compare by risk level, then consequence, then likelihood: of two equally ranked risks the more severe is the worse.
    static func order(_ cell: RiskCell) -> (Int, Int, Int) { (cell.risk, cell.consequence, cell.likelihood) }

    /// The worst cell of a likelihood and per-category consequences, the category chosen in the criteria's order.
    static func cell(likelihood: Int, consequences: [String: Int], criteria: RiskCriteria) -> RiskCell {
        var worst: (category: String, level: Int)?
        for category in criteria.categories {
            if let level = consequences[category], worst == nil || level > worst!.level { worst = (category, level) }
        }
        return RiskCell(likelihood: likelihood, consequence: worst?.level ?? 1, category: worst?.category ?? "none", criteria: criteria)
    }

    /// ZCR 5.5 to 5.12 for one scenario.
    public static func evaluate(_ s: ThreatScenario, criteria: RiskCriteria, model: SystemModel,
                                zones: [String: TargetAssessment], conduits: [String: TargetAssessment]) -> ScenarioRisk {
        let unmitigated = cell(likelihood: s.likelihood, consequences: s.consequences, criteria: criteria)
        let required = s.attacker.securityLevel

        // The defences: every targeted zone, and the conduit the attacker comes through. The entry zone is the foothold, not a defence.
        var assessments: [TargetAssessment] = []
        for target in s.targets where !assessments.contains(where: { $0.kind == .zone && $0.id == target }) {
            if let a = zones[target] { assessments.append(a) }
        }
        if let a = conduits[s.entry], model.zone(s.entry) == nil { assessments.append(a) }
        var defences: [ScenarioRisk.Defence] = []
        var gaps: [ScenarioRisk.RequirementGap] = []
        for a in assessments {
            let frs = s.frs.filter { a.applicableFRs.contains($0) }
            var achieved: [FoundationalRequirement: SecurityLevel] = [:]
            for fr in frs { achieved[fr] = a.slAchieved[fr] }
            let short = frs.filter { a.slAchieved[$0] < required }
            defences.append(ScenarioRisk.Defence(kind: a.kind, id: a.id, achieved: achieved, short: short))
            for status in a.statuses where !status.met {
                guard let fr = status.requirement.fr, short.contains(fr), status.requirement.isRequired(at: required) else { continue }
                gaps.append(ScenarioRisk.RequirementGap(kind: a.kind, target: a.id, requirement: status.requirement, remedy: status.remedy))
            }
        }
        let credit = !defences.isEmpty && defences.allSatisfy { $0.short.isEmpty }

        var effects: [ScenarioRisk.AppliedEffect] = []
        for countermeasure in model.countermeasures {
            for mitigation in countermeasure.mitigates where mitigation.scenario == s.id {
                effects.append(ScenarioRisk.AppliedEffect(countermeasure: countermeasure.id, mitigation: mitigation))
            }
        }
        func residual(withCredit: Bool) -> RiskCell {
            var likelihood = s.likelihood - (withCredit ? criteria.slCredit : 0)
            var consequences = s.consequences
            for effect in effects {
                let m = effect.mitigation
                switch m.lowers {
                case .likelihood:
                    likelihood -= m.by
                case .consequence:
                    for (category, level) in consequences where m.categories.isEmpty || m.categories.contains(category) {
                        consequences[category] = max(1, level - m.by)
                    }
                }
            }
            return cell(likelihood: max(1, likelihood), consequences: consequences, criteria: criteria)
        }
        let residualCell = residual(withCredit: credit)
        return ScenarioRisk(
            scenario: s, unmitigated: unmitigated, unmitigatedTolerable: criteria.isTolerable(unmitigated.risk), requiredLevel: required,
            defences: defences, securityLevelCredit: credit, effects: effects, residual: residualCell,
            residualTolerable: criteria.isTolerable(residualCell.risk), gaps: gaps,
            residualIfGapsClosed: !credit && !gaps.isEmpty ? residual(withCredit: true) : nil)
    }

    /// ZCR 5.6 for a zone: per FR, the strongest attacker among the scenarios that target the zone, touch the FR and are intolerable unmitigated.
    static func deriveZone(_ zone: Zone, scenarios: [ScenarioRisk]) -> DerivedTarget {
        let relevant = scenarios.filter { !$0.unmitigatedTolerable && $0.scenario.targets.contains(zone.id) }
        let trace = FoundationalRequirement.allCases.map { fr in
            setters(fr, relevant, inherited: nil)
        }
        return DerivedTarget(kind: .zone, id: zone.id, derived: SLVector { trace[$0.rawValue - 1].level }, declared: zone.slTarget,
                             declaredExplicitly: true, trace: trace, location: zone.location)
    }

    /// ZCR 5.6 for a conduit: the higher of its zones' derived levels (it guards the more demanding side) and the scenarios that enter through it.
    static func deriveConduit(at c: Int, scenarios: [ScenarioRisk], zones: [String: DerivedTarget], context: AnalysisContext) -> DerivedTarget {
        let conduit = context.model.conduits[c]
        let relevant = scenarios.filter { !$0.unmitigatedTolerable && $0.scenario.entry == conduit.id }
        let trace = FoundationalRequirement.allCases.map { fr in
            let strongestZone = conduit.zones.compactMap { zones[$0] }.max { $0.derived[fr] < $1.derived[fr] }
            return setters(fr, relevant, inherited: strongestZone.map { ($0.id, $0.derived[fr]) })
        }
        return DerivedTarget(kind: .conduit, id: conduit.id, derived: SLVector { trace[$0.rawValue - 1].level },
                             declared: context.model.target(ofConduitAt: c), declaredExplicitly: conduit.slTarget != nil, trace: trace,
                             location: conduit.location)
    }

    private static func setters(_ fr: FoundationalRequirement, _ relevant: [ScenarioRisk], inherited: (zone: String, level: SecurityLevel)?) -> DerivedTarget.FRTrace {
        let touching = relevant.filter { $0.scenario.frs.contains(fr) }
        let own = touching.map(\.requiredLevel).max() ?? .sl0
        let level = max(own, inherited?.level ?? .sl0)
        let setBy = own == level && level > .sl0
            ? touching.filter { $0.requiredLevel == level }.map { DerivedTarget.Setter(scenario: $0.scenario.id, attacker: $0.scenario.attacker, cell: $0.unmitigated) }
            : []
        let from = inherited.flatMap { $0.level == level && level > .sl0 ? $0.zone : nil }
        return DerivedTarget.FRTrace(fr: fr, level: level, setBy: setBy, inheritedFrom: from)
    }

    /// ZCR 5.1 to 5.13 gathered for one zone or conduit.
    static func record(_ target: DerivedTarget, threats: [ScenarioRisk], criteria: RiskCriteria) -> TargetRiskRecord {
        var vulnerabilities: [String] = []
        for v in threats.flatMap(\.scenario.vulnerabilities) where !vulnerabilities.contains(v) { vulnerabilities.append(v) }
        var countermeasures: [String] = []
        for c in threats.flatMap(\.effects).map(\.countermeasure) where !countermeasures.contains(c) { countermeasures.append(c) }
        let intolerable = threats.filter { !$0.residualTolerable }
        var gaps: [ScenarioRisk.RequirementGap] = []
        for g in intolerable.flatMap(\.gaps) where !gaps.contains(g) { gaps.append(g) }
        let worstUnmitigated = threats.map(\.unmitigated).max { order($0) < order($1) }
        let worstResidual = threats.map(\.residual).max { order($0) < order($1) }
        let subject = target.kind == .zone ? "targets this zone" : "enters through this conduit"
        let result: String
        if threats.isEmpty {
            result = "no threat scenario \(subject); the derived SL-T comes from \(target.kind == .zone ? "no scenario" : "the zones it joins")"
        } else if intolerable.isEmpty {
            result = "residual risk tolerable in \(threats.count == 1 ? "its one scenario" : "all \(threats.count) scenarios") (worst \(worstResidual.map { criteria.riskName($0.risk) } ?? "-")) with SL-T \(target.derived)"
        } else {
            let closable = intolerable.filter { $0.residualIfGapsClosed.map { criteria.isTolerable($0.risk) } ?? false }
            result = "residual risk intolerable in \(intolerable.map(\.scenario.id).joined(separator: ", "))"
                + (closable.count == intolerable.count ? "; closing the requirement gaps listed (\(Set(gaps.map(\.requirement.id)).count) requirements) makes it tolerable"
                    : "; requirement gaps alone do not make it tolerable: add countermeasures that lower likelihood or consequence")
        }
        return TargetRiskRecord(kind: target.kind, id: target.id, threats: threats.map(\.scenario.id), vulnerabilities: vulnerabilities,
                                worstUnmitigated: worstUnmitigated, derived: target.derived,
                                unmitigatedTolerable: threats.allSatisfy(\.unmitigatedTolerable), countermeasures: countermeasures,
                                worstResidual: worstResidual, residualTolerable: intolerable.isEmpty, additionalCountermeasures: gaps, result: result)
    }
}
