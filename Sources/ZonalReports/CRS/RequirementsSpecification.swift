import IEC62443
import ZonalAnalysis
import ZonalModel

/// The content of the cybersecurity requirements specification IEC 62443-3-2 ZCR 6 asks for, drawn from one assessment:
/// the system under consideration, the zone & conduit drawing, each zone's and conduit's properties (ZCR 6.4), and the
/// operating and threat environment, security policies, tolerable risk and regulations (ZCR 6.5–6.9). The HTML and
/// Markdown renderings show this one value; what the model does not state is shown as "not stated".
public struct RequirementsSpecification {
    /// A labelled fact; `value` nil means the model does not state it.
    struct Fact { let label: String; let value: String? }
    struct FlowLine { let id: String; let from: String; let to: String; let traffic: String; let essential: Bool; let via: String }
    struct AssetLine { let id: String; let name: String; let role: String; let slCapability: String; let safety: Bool }
    struct RequirementLine { let id: String; let fr: String; let title: String; let met: Bool; let how: String }
    struct Section { let clause: String; let title: String }
    /// One of ZCR 6.5–6.9: the clause, its title and what the model states.
    /// `details` are what the risk assessment adds: the threat scenarios (6.6) and the risk criteria in force (6.8).
    struct EnvironmentEntry { let clause: String; let title: String; let value: String?; let details: [String]; let hasDetails: Bool }

    /// One zone or conduit as ZCR 6.4 describes it.
    struct Target {
        let kind: String, id: String, name: String, slTarget: String
        let facts: [Fact]
        let accessPoints: [String]
        let connections: [String]
        let flows: [FlowLine]
        let assets: [AssetLine]
        let requirements: [RequirementLine]
        let unmet: Int
        /// The risk-based SL-T rationale: one trace line per FR naming the scenarios that set it.
        let rationale: [String]
        /// Stored, not computed: the templates read values by reflection.
        let hasAssets: Bool, hasFlows: Bool, hasRationale: Bool
    }

    let system: String, owner: String?, description: String?, file: String, date: String, digest: String
    let suc: [Fact]
    let zones: [Target]
    let conduits: [Target]
    /// ZCR 6.5–6.9 and the system-wide assumptions and external dependencies.
    let environment: [EnvironmentEntry]
    let sucSection: Section, drawingSection: Section, propertiesSection: Section

    static func section(_ id: String, fallback: String) -> Section {
        Section(clause: id, title: Catalog.bundled.requirement(id)?.title ?? fallback)
    }

    public init(_ assessment: Assessment, header: ReportHeader) {
        let model = assessment.model
        system = model.system.name
        owner = model.system.owner
        description = model.system.description
        file = model.file
        date = header.date
        digest = header.modelDigest
        let env = model.environment
        sucSection = Self.section("ZCR 6.2", fallback: "System under consideration")
        drawingSection = Self.section("ZCR 6.3", fallback: "Zone and conduit drawings")
        propertiesSection = Self.section("ZCR 6.4", fallback: "Properties of each zone and conduit")
        suc = [
            Fact(label: "Name", value: model.system.name),
            Fact(label: "Asset owner", value: model.system.owner),
            Fact(label: "Description", value: model.system.description),
            Fact(label: "Scope", value: "\(model.zones.count) zones, \(model.conduits.count) conduits, \(model.assets.count) assets, \(model.flows.count) flows"),
            Fact(label: "Assumptions", value: env["assumptions"]),
            Fact(label: "External dependencies", value: env["external-dependencies"]),
        ]
        environment = [("6.5", "Operating environment", "operating-environment"), ("6.6", "Threat environment", "threat-environment"),
                       ("6.7", "Organisational security policies", "security-policies"), ("6.8", "Tolerable risk", "tolerable-risk"),
                       ("6.9", "Regulatory requirements", "regulatory-requirements")].map { clause, fallback, key in
            let section = Self.section("ZCR \(clause)", fallback: fallback)
            let details = assessment.risk.map { Self.riskDetails(key, $0) } ?? []
            return EnvironmentEntry(clause: section.clause, title: section.title, value: env[key], details: details, hasDetails: !details.isEmpty)
        }
        let risk = assessment.risk
        let derivedZones = Dictionary((risk?.zones ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let derivedConduits = Dictionary((risk?.conduits ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zoneStatus = Dictionary(assessment.zones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let conduitStatus = Dictionary(assessment.conduits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        zones = model.zones.map { zone in
            let assets = model.assets.filter { $0.zone == zone.id }
            let conduits = model.conduits.filter { $0.zones.contains(zone.id) }
            let safety: String
            if zone.kind == .safety { safety = "safety zone" }
            else if assets.contains(where: \.safety) { safety = "contains safety-related assets (" + assets.filter(\.safety).map(\.id).joined(separator: ", ") + ")" }
            else { safety = "not safety-related" }
            let routes = assessment.routes.filter { $0.fromZone == zone.id || $0.toZone == zone.id }
            return Self.target(kind: "zone", id: zone.id, name: zone.name, status: zoneStatus[zone.id], derived: derivedZones[zone.id], risk: risk, facts: [
                Fact(label: "Kind", value: zone.kind.rawValue + (zone.purdueLevel.map { ", Purdue level \(ZoneDiagram.number($0))" } ?? "")),
                Fact(label: "Accountable organisation", value: zone.owner),
                Fact(label: "Boundary", value: zone.specification.boundary),
                Fact(label: "Networks", value: zone.networks.isEmpty ? nil : zone.networks.map(\.description).joined(separator: ", ")),
                Fact(label: "Safety designation", value: safety),
                Fact(label: "Description", value: zone.description),
                Fact(label: "Assumptions", value: zone.specification.assumptions),
                Fact(label: "External dependencies", value: zone.specification.externalDependencies),
            ], accessPoints: zone.specification.accessPoints,
               connections: conduits.map { c in "\(c.id) to \(c.otherZone(than: zone.id) ?? "?") (\(c.enforcement.rawValue))" },
               routes: routes, assets: assets)
        }
        conduits = model.conduits.map { c in
            var direction = "bidirectional"
            if case .oneWay(let from, let to) = c.direction { direction = "one-way, \(from) to \(to)" }
            let routes = assessment.routes.filter { route in
                switch route.verdict {
                case .permitted(let id), .againstDirection(let id): id == c.id
                default: false
                }
            }
            return Self.target(kind: "conduit", id: c.id, name: c.name ?? c.id, status: conduitStatus[c.id], derived: derivedConduits[c.id], risk: risk, facts: [
                Fact(label: "Zones joined", value: c.zones.joined(separator: " and ")),
                Fact(label: "Direction", value: direction),
                Fact(label: "Enforcement", value: c.enforcement.rawValue),
                Fact(label: "Accountable organisation", value: c.owner),
                Fact(label: "Boundary", value: c.specification.boundary),
                Fact(label: "Safety designation", value: c.zones.contains { model.zone($0)?.kind == .safety } ? "joins a safety zone" : "not safety-related"),
                Fact(label: "Description", value: c.description),
                Fact(label: "Assumptions", value: c.specification.assumptions),
                Fact(label: "External dependencies", value: c.specification.externalDependencies),
            ], accessPoints: c.specification.accessPoints, connections: c.zones.map { "zone \($0)" }, routes: routes, assets: [])
        }
    }

    /// What the risk assessment adds to ZCR 6.6 (the threat scenarios) and ZCR 6.8 (the criteria and the initial risk).
    static func riskDetails(_ key: String, _ risk: RiskAssessment) -> [String] {
        switch key {
        case "threat-environment":
            return risk.scenarios.map { s in
                "Scenario \(s.scenario.id): \(s.scenario.source), a \(s.scenario.attacker.rawValue) attacker (SL \(s.requiredLevel.rawValue)), "
                    + "enters through \(s.scenario.entry) against \(s.scenario.targets.joined(separator: ", ")); unmitigated \(s.unmitigated.describe(risk.criteria))"
            }
        case "tolerable-risk": return ["Risk criteria: " + RiskReport.criteriaSummary(risk), RiskReport.initialRiskLine(risk)]
        default: return []
        }
    }

    private static func target(kind: String, id: String, name: String, status: TargetAssessment?, derived: DerivedTarget?, risk: RiskAssessment?,
                               facts: [Fact], accessPoints: [String], connections: [String], routes: [FlowRoute], assets: [Asset]) -> Target {
        var facts = facts
        var rationale: [String] = []
        if let derived, let risk {
            facts.append(Fact(label: "SL-T derived from risk", value: "\(derived.derived); declared \(derived.declared): \(RiskReport.comparison(derived))"))
            rationale = RiskTrace.lines(derived, criteria: risk.criteria)
        }
        let requirements = (status?.required ?? []).map { s in
            RequirementLine(id: s.requirement.id, fr: s.requirement.fr?.abbreviation ?? "", title: s.requirement.title, met: s.met,
                            how: s.met ? s.satisfiedBy.map(RequirementsReport.describe).joined(separator: "; ") : (s.remedy ?? ""))
        }
        let flows = routes.map { r in
            let f = r.flow
            let traffic = [f.protocol, f.port.map(String.init)].compactMap { $0 }.joined(separator: "/") + (f.functions.isEmpty ? "" : " (" + f.functions.joined(separator: ", ") + ")")
            let via: String
            switch r.verdict {
            case .intraZone: via = "within the zone"
            case .permitted(let c): via = "conduit \(c)"
            case .againstDirection(let c): via = "conduit \(c), against its direction"
            case .notPermitted: via = "not permitted by any conduit"
            case .noConduit: via = "no conduit"
            case .unplaced: via = "endpoint in no zone"
            }
            return FlowLine(id: f.id, from: f.from, to: f.to, traffic: traffic.isEmpty ? "unspecified" : traffic, essential: f.essential, via: via)
        }
        return Target(kind: kind, id: id, name: name, slTarget: status?.slTarget.description ?? "not stated", facts: facts,
                      accessPoints: accessPoints, connections: connections, flows: flows,
                      assets: assets.map { a in
                          AssetLine(id: a.id, name: a.name ?? a.id, role: a.role, slCapability: a.component?.slCapability?.description ?? "not stated", safety: a.safety)
                      },
                      requirements: requirements, unmet: requirements.filter { !$0.met }.count, rationale: rationale,
                      hasAssets: !assets.isEmpty, hasFlows: !flows.isEmpty, hasRationale: !rationale.isEmpty)
    }
}
