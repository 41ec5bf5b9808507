import IEC62443
import ZonalModel

/// Decides, for every zone and conduit, which IEC 62443-3-3 requirements are met and by what, and derives SL-A from that.
///
/// A requirement is met by the zone's components when the weakest component's SL-C in its FR reaches the requirement's
/// lowest level; by the boundary when every conduit of the zone is enforced by a type that meets it
/// (`EnforcementCapabilities`); or by a countermeasure that names it. Components without a stated SL-C count as
/// unknown, which meets nothing: an assessor cannot credit what nobody has stated.
struct RequirementEvaluator {
    let model: SystemModel
    let catalog: Catalog
    let assetsByZone: [String: [Asset]]
    let conduitsByZone: [String: [Conduit]]

    private var systemRequirements: [Requirement] { catalog.entries(of: .systemRequirements) }

    func assessZone(_ zone: Zone) -> TargetAssessment {
        let assets = assetsByZone[zone.id] ?? []
        let conduits = conduitsByZone[zone.id] ?? []
        let countermeasures = model.countermeasures.filter { $0.zones.contains(zone.id) }
        let unknown = assets.filter { $0.component?.slCapability == nil }
        let weakest: SLVector? = assets.isEmpty || !unknown.isEmpty ? nil
            : assets.compactMap { $0.component?.slCapability }.reduce(SLVector(uniform: .sl4)) { $0.intersection($1) }
        let kindsOf = Dictionary(uniqueKeysWithValues: conduits.map { c in (c.id, c.zones.compactMap { model.zone($0)?.kind }) })

        var statuses: [RequirementStatus] = []
        statuses.reserveCapacity(systemRequirements.count)
        for requirement in systemRequirements {
            guard let fr = requirement.fr, let minimum = requirement.minimumLevel else { continue }
            var by: [Satisfaction] = []
            if let weakest, weakest[fr] >= minimum { by.append(.components(weakestLevel: weakest[fr].rawValue)) }
            if ConduitScope.contains(requirement), !conduits.isEmpty {
                // The boundary meets it when every conduit it concerns enforces it; remote-access requirements
                // concern only conduits toward untrusted zones, and a zone with none of those has no such access to control.
                let concerned = conduits.filter { ConduitScope.applies(requirement, toConduitBetween: kindsOf[$0.id] ?? []) }
                if concerned.allSatisfy({ EnforcementCapabilities.requirements(metBy: $0.enforcement).contains(requirement.id) }) {
                    by.append(.enforcement(conduits: concerned.map(\.id)))
                }
            }
            for c in countermeasures where c.satisfies.contains(requirement.id) { by.append(.countermeasure(id: c.id)) }
            let required = requirement.isRequired(at: zone.slTarget[fr])
            let remedy = by.isEmpty && required
                ? zoneRemedy(requirement, fr: fr, minimum: minimum, zone: zone, assets: assets, conduits: conduits) : nil
            statuses.append(RequirementStatus(requirement: requirement, required: required, satisfiedBy: by, remedy: remedy))
        }
        return TargetAssessment(kind: .zone, id: zone.id, name: zone.name, slTarget: zone.slTarget,
                                slAchieved: achieved(statuses, applicable: FoundationalRequirement.allCases, target: zone.slTarget),
                                applicableFRs: FoundationalRequirement.allCases, statuses: statuses, location: zone.location)
    }

    func assessConduit(_ conduit: Conduit) -> TargetAssessment {
        let target = conduitTarget(conduit)
        let provided = EnforcementCapabilities.requirements(metBy: conduit.enforcement)
        let countermeasures = model.countermeasures.filter { $0.conduits.contains(conduit.id) }
        var statuses: [RequirementStatus] = []
        let kinds = conduit.zones.compactMap { model.zone($0)?.kind }
        for requirement in systemRequirements where ConduitScope.applies(requirement, toConduitBetween: kinds) {
            guard let fr = requirement.fr else { continue }
            var by: [Satisfaction] = []
            if provided.contains(requirement.id) { by.append(.enforcement(conduits: [conduit.id])) }
            for c in countermeasures where c.satisfies.contains(requirement.id) { by.append(.countermeasure(id: c.id)) }
            let required = requirement.isRequired(at: target[fr])
            var remedy: String?
            if by.isEmpty && required {
                let types = EnforcementCapabilities.enforcements(meeting: requirement.id).map(\.rawValue)
                remedy = (types.isEmpty ? "" : "enforce the conduit with \(types.joined(separator: " or ")) (now \(conduit.enforcement.rawValue)), or ")
                    + "add a countermeasure that satisfies \(requirement.id) for conduit '\(conduit.id)'"
            }
            statuses.append(RequirementStatus(requirement: requirement, required: required, satisfiedBy: by, remedy: remedy))
        }
        let applicable = FoundationalRequirement.allCases.filter { fr in statuses.contains { $0.requirement.fr == fr } }
        return TargetAssessment(kind: .conduit, id: conduit.id, name: conduit.name ?? conduit.id, slTarget: target,
                                slAchieved: achieved(statuses, applicable: applicable, target: target),
                                applicableFRs: applicable, statuses: statuses, location: conduit.location)
    }

    /// A conduit's SL-T: as stated, else the per-FR maximum of the zones it joins (it guards the more demanding side).
    func conduitTarget(_ conduit: Conduit) -> SLVector {
        if let stated = conduit.slTarget { return stated }
        return conduit.zones.compactMap { model.zone($0)?.slTarget }.reduce(SLVector.zero) { $0.union($1) }
    }

    /// Per FR, the highest level whose requirements (all of those required from level 1 up to it) are met.
    /// FRs outside the scope keep the target, as nothing in scope can fall short there.
    private func achieved(_ statuses: [RequirementStatus], applicable: [FoundationalRequirement], target: SLVector) -> SLVector {
        SLVector { fr in
            guard applicable.contains(fr) else { return target[fr] }
            var level = SecurityLevel.sl0
            for candidate in [SecurityLevel.sl1, .sl2, .sl3, .sl4] {
                let ok = statuses.allSatisfy { $0.requirement.fr != fr || !$0.requirement.isRequired(at: candidate) || $0.met }
                if !ok { break }
                level = candidate
            }
            return level
        }
    }

    private func zoneRemedy(_ requirement: Requirement, fr: FoundationalRequirement, minimum: SecurityLevel, zone: Zone,
                            assets: [Asset], conduits: [Conduit]) -> String {
        var options: [String] = []
        let short = assets.filter { ($0.component?.slCapability?[fr] ?? .sl0) < minimum || $0.component?.slCapability == nil }
        if assets.isEmpty {
            options.append("place the zone's components in the model with their SL-C")
        } else if !short.isEmpty {
            let names = short.prefix(4).map { asset -> String in
                let level = asset.component?.slCapability.map { "SL-C \(fr.abbreviation) \($0[fr].rawValue)" } ?? "SL-C unknown"
                return "\(asset.id) (\(level))"
            }
            let more = short.count > 4 ? " and \(short.count - 4) more" : ""
            options.append("components with SL-C \(fr.abbreviation) ≥ \(minimum.rawValue) in place of \(names.joined(separator: ", "))\(more)")
        }
        if ConduitScope.contains(requirement) {
            let types = EnforcementCapabilities.enforcements(meeting: requirement.id).map(\.rawValue)
            if !types.isEmpty {
                let weak = conduits.filter { !EnforcementCapabilities.requirements(metBy: $0.enforcement).contains(requirement.id) }
                let which = conduits.isEmpty ? "the zone has no conduit" : "now: " + weak.map { "\($0.id) \($0.enforcement.rawValue)" }.joined(separator: ", ")
                options.append("every conduit of the zone enforced by \(types.joined(separator: " or ")) (\(which))")
            }
        }
        options.append("a countermeasure that satisfies \(requirement.id) for zone '\(zone.id)'")
        return options.joined(separator: "; or ")
    }
}
