import IEC62443
import ZonalModel

/// Decides, for every zone and conduit, which IEC 62443-3-3 requirements are met and by what, and derives SL-A from that.
///
/// A requirement is met by the zone's components when the weakest component's SL-C in its FR reaches the requirement's
/// lowest level; by the boundary when every conduit of the zone that it concerns is enforced by a type that meets it
/// (`EnforcementCapabilities`); or by a countermeasure that names it. Components without a stated SL-C count as
/// unknown, which meets nothing: an assessor cannot credit what nobody has stated.
struct RequirementEvaluator {
    let model: SystemModel
    /// By zone position, positions in `model.assets` and `model.conduits` (see `AnalysisContext`).
    let assetsByZone: [[Int]]
    let conduitsByZone: [[Int]]

    /// The 3-3 requirements with what the evaluation asks of each, worked out once rather than per zone.
    private struct Entry {
        let requirement: Requirement
        let fr: FoundationalRequirement
        let minimum: SecurityLevel
        let boundary: Bool
        let remoteAccess: Bool
        /// Indexed by `Enforcement.allCases` position: does that enforcement meet it.
        let metBy: [Bool]
        /// The same as bits, to tell apart the few distinct patterns when caching remedy text.
        let metByMask: Int
        /// "firewall or data-diode …": the enforcement types that meet it, weakest first; nil when none does.
        let enforcementHint: String?
        /// By `Enforcement.allCases` position: a conduit's remedy up to its id, which is all that differs between
        /// conduits, so each of a plant's tens of thousands of conduit remedies is one concatenation.
        let conduitRemedyPrefix: [String]
    }

    private let entries: [Entry]
    /// `entries`' requirements in the same order, the list every status refers into.
    private let requirements: [Requirement]
    private let countermeasuresByZone: [String: [Countermeasure]]
    private let countermeasuresByConduit: [String: [Countermeasure]]

    init(model: SystemModel, catalog: Catalog, assetsByZone: [[Int]], conduitsByZone: [[Int]]) {
        self.model = model
        self.assetsByZone = assetsByZone
        self.conduitsByZone = conduitsByZone
        entries = catalog.entries(of: .systemRequirements).compactMap { r in
            guard let fr = r.fr, let minimum = r.minimumLevel else { return nil }
            let base = r.parent ?? r.id
            let metBy = Enforcement.allCases.map { EnforcementCapabilities.requirements(metBy: $0).contains(r.id) }
            let types = EnforcementCapabilities.enforcements(meeting: r.id).map(\.rawValue)
            let hint = types.isEmpty ? nil : types.joined(separator: " or ")
            let prefixes = Enforcement.allCases.map { now in
                (hint.map { "enforce the conduit with " + $0 + " (now " + now.rawValue + "), or " } ?? "")
                    + "add a countermeasure that satisfies " + r.id + " for conduit '"
            }
            return Entry(requirement: r, fr: fr, minimum: minimum, boundary: ConduitScope.contains(r),
                         remoteAccess: ConduitScope.remoteAccessRequirements.contains(base), metBy: metBy,
                         metByMask: metBy.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) },
                         enforcementHint: hint, conduitRemedyPrefix: prefixes)
        }
        requirements = entries.map(\.requirement)
        var byZone: [String: [Countermeasure]] = [:], byConduit: [String: [Countermeasure]] = [:]
        for c in model.countermeasures {
            for zone in c.zones { byZone[zone, default: []].append(c) }
            for conduit in c.conduits { byConduit[conduit, default: []].append(c) }
        }
        countermeasuresByZone = byZone
        countermeasuresByConduit = byConduit
    }

    private static func position(_ e: Enforcement) -> Int { Enforcement.allCases.firstIndex(of: e)! }

    /// Remote-access requirements concern only conduits toward untrusted zones (enterprise, external, DMZ).
    private func reachesUntrusted(conduitAt c: Int) -> Bool {
        guard let (a, b) = model.zonePositions(ofConduitAt: c) else { return false }
        return [a, b].contains { model.zones[$0].kind.isBusiness || model.zones[$0].kind == .dmz }
    }

    func assessZone(at z: Int) -> TargetAssessment {
        let zone = model.zones[z]
        let assets = assetsByZone[z]
        let conduits = conduitsByZone[z]
        // The conduits each kind of boundary requirement concerns, worked out once per zone rather than per requirement.
        let all = (ids: conduits.map { model.conduits[$0].id }, enforcements: conduits.map { Self.position(model.conduits[$0].enforcement) })
        let untrusted = conduits.filter { reachesUntrusted(conduitAt: $0) }
        let remote = (ids: untrusted.map { model.conduits[$0].id }, enforcements: untrusted.map { Self.position(model.conduits[$0].enforcement) })
        let countermeasures = countermeasuresByZone[zone.id] ?? []
        // Per FR, the components from weakest to strongest (unknown counts as 0), for both SL-A and remedies.
        // Sorting (level, index) pairs rather than assets keeps the sort from moving whole asset values.
        let ranked: [[(level: Int, asset: Int)]] = FoundationalRequirement.allCases.map { fr in
            assets.indices.map { (model.assets[assets[$0]].component?.slCapability?[fr].rawValue ?? -1, $0) }.sorted { ($0.level, $0.asset) < ($1.level, $1.asset) }
        }

        var statuses: [RequirementStatus] = []
        statuses.reserveCapacity(entries.count)
        var remedies = RemedyParts()
        for (index, entry) in entries.enumerated() {
            var by: [Satisfaction] = []
            let weakest = ranked[entry.fr.rawValue - 1].first?.level ?? -1
            if weakest >= entry.minimum.rawValue { by.append(.components(weakestLevel: weakest)) }
            if entry.boundary, !conduits.isEmpty {
                // The boundary meets it when every conduit it concerns enforces it; a zone with no conduit toward
                // untrusted zones has no remote access to control.
                let concerned = entry.remoteAccess ? remote : all
                if concerned.enforcements.allSatisfy({ entry.metBy[$0] }) {
                    by.append(.enforcement(conduits: concerned.ids))
                }
            }
            for c in countermeasures where c.satisfies.contains(entry.requirement.id) { by.append(.countermeasure(id: c.id)) }
            let required = entry.requirement.isRequired(at: zone.slTarget[entry.fr])
            let remedy = by.isEmpty && required
                ? RemedyText.text(zoneRemedy(entry, zone: zone, assets: assets, ranked: ranked[entry.fr.rawValue - 1], conduits: conduits, parts: &remedies)) : nil
            statuses.append(RequirementStatus(requirements: requirements, index: index, required: required, satisfiedBy: by, remedy: remedy))
        }
        return TargetAssessment(kind: .zone, id: zone.id, name: zone.name, slTarget: zone.slTarget,
                                slAchieved: achieved(statuses, applicable: FoundationalRequirement.allCases, target: zone.slTarget),
                                applicableFRs: FoundationalRequirement.allCases, statuses: statuses, location: zone.location)
    }

    func assessConduit(at c: Int) -> TargetAssessment {
        let conduit = model.conduits[c]
        let target = model.target(ofConduitAt: c)
        let enforcement = Self.position(conduit.enforcement)
        let untrusted = reachesUntrusted(conduitAt: c)
        let countermeasures = countermeasuresByConduit[conduit.id] ?? []
        let ownID = [conduit.id]  // one list for all its statuses met by its enforcement, not one each
        var statuses: [RequirementStatus] = []
        for (index, entry) in entries.enumerated() where entry.boundary && (!entry.remoteAccess || untrusted) {
            var by: [Satisfaction] = []
            if entry.metBy[enforcement] { by.append(.enforcement(conduits: ownID)) }
            for c in countermeasures where c.satisfies.contains(entry.requirement.id) { by.append(.countermeasure(id: c.id)) }
            let required = entry.requirement.isRequired(at: target[entry.fr])
            let remedy = by.isEmpty && required ? RemedyText.conduit(prefix: entry.conduitRemedyPrefix[enforcement], id: conduit.id) : nil
            statuses.append(RequirementStatus(requirements: requirements, index: index, required: required, satisfiedBy: by, remedy: remedy))
        }
        let applicable = FoundationalRequirement.allCases.filter { fr in statuses.contains { $0.requirement.fr == fr } }
        return TargetAssessment(kind: .conduit, id: conduit.id, name: conduit.name ?? conduit.id, slTarget: target,
                                slAchieved: achieved(statuses, applicable: applicable, target: target),
                                applicableFRs: applicable, statuses: statuses, location: conduit.location)
    }

    /// Per FR, the level just below the lowest level at which something is unmet (levels are cumulative: what SL 2
    /// requires, SL 3 requires too). FRs outside the scope keep the target, as nothing in scope can fall short there.
    private func achieved(_ statuses: [RequirementStatus], applicable: [FoundationalRequirement], target: SLVector) -> SLVector {
        var firstUnmet = [Int](repeating: 5, count: 7)
        // By position, reading fields in place: a plant has hundreds of thousands of statuses.
        for i in statuses.indices where !statuses[i].met {
            guard let fr = statuses[i].requirement.fr, let minimum = statuses[i].requirement.minimumLevel else { continue }
            firstUnmet[fr.rawValue - 1] = min(firstUnmet[fr.rawValue - 1], minimum.rawValue)
        }
        return SLVector { fr in
            guard applicable.contains(fr) else { return target[fr] }
            return SecurityLevel(rawValue: firstUnmet[fr.rawValue - 1] - 1) ?? .sl0
        }
    }

    /// The parts of a zone's remedies that many requirements share, worked out once per zone: most of a zone's
    /// requirements go unmet in a weak plant, and they differ only in a few of these parts.
    private struct RemedyParts {
        /// By FR and lowest level (`fr * 8 + level`): the components option, "" when there is none.
        var components: [Int: String] = [:]
        /// By the pattern of enforcement types that meet a requirement: which of the zone's conduits fall short.
        var conduits: [Int: String] = [:]
    }

    private func zoneRemedy(_ entry: Entry, zone: Zone, assets: [Int], ranked: [(level: Int, asset: Int)], conduits: [Int],
                            parts: inout RemedyParts) -> String {
        var options: [String] = []
        let fr = entry.fr, minimum = entry.minimum
        let componentsKey = fr.rawValue * 8 + minimum.rawValue
        let components = parts.components[componentsKey] ?? {
            let short = ranked.prefix { $0.level < minimum.rawValue }
            var text = ""
            if assets.isEmpty {
                text = "place the zone's components in the model with their SL-C"
            } else if !short.isEmpty {
                let names = short.prefix(4).map { "\(model.assets[assets[$0.asset]].id) (\($0.level < 0 ? "SL-C unknown" : "SL-C \(fr.abbreviation) \($0.level)"))" }
                let more = short.count > 4 ? " and \(short.count - 4) more" : ""
                text = "components with SL-C \(fr.abbreviation) ≥ \(minimum.rawValue) in place of \(names.joined(separator: ", "))\(more)"
            }
            parts.components[componentsKey] = text
            return text
        }()
        if !components.isEmpty { options.append(components) }
        if entry.boundary, let types = entry.enforcementHint {
            let which = parts.conduits[entry.metByMask] ?? {
                let weak = conduits.filter { !entry.metBy[Self.position(model.conduits[$0].enforcement)] }
                let text = conduits.isEmpty ? "the zone has no conduit" : "now: " + weak.map { "\(model.conduits[$0].id) \(model.conduits[$0].enforcement.rawValue)" }.joined(separator: ", ")
                parts.conduits[entry.metByMask] = text
                return text
            }()
            options.append("every conduit of the zone enforced by " + types + " (" + which + ")")
        }
        options.append("a countermeasure that satisfies " + entry.requirement.id + " for zone '" + zone.id + "'")
        return options.joined(separator: "; or ")
    }
}
