import IEC62443
import ZonalModel

/// Each model object as (model-file key, printed value) pairs, the way `ModelDiffer` compares them: unstated properties
/// are left out, and lists print in the model's order so a reordering shows as a change of that property.
enum ObjectFields {
    static func system(_ s: SystemInfo) -> [(String, String)] {
        pairs([("name", s.name), ("owner", s.owner), ("description", s.description)])
    }

    /// The enforcement policy as one entry per SL-T difference, e.g. `enforcement.2: [data-diode, dpi-firewall]`.
    static func policy(_ p: EnforcementPolicy) -> [(String, String)] {
        p.adequate.keys.sorted().map { ("enforcement.\($0)", "[" + p.adequate[$0]!.map(\.rawValue).sorted().joined(separator: ", ") + "]") }
    }

    static func zone(_ z: Zone) -> [(String, String)] {
        pairs([("name", z.name), ("kind", z.kind.rawValue), ("sl-target", z.slTarget.description),
               ("networks", list(z.networks.map(\.description))), ("purdue-level", z.purdueLevel.map { "\($0)" }),
               ("description", z.description), ("owner", z.owner)] + specification(z.specification))
    }

    static func asset(_ a: Asset) -> [(String, String)] {
        let c = a.component
        return pairs([("name", a.name), ("zone", a.zone), ("role", a.role), ("addresses", list(a.addresses.map(\.description))),
                      ("mac", a.mac?.description), ("safety", flag(a.safety)), ("wireless", flag(a.wireless)),
                      ("transient", flag(a.transient)), ("external", flag(a.external)),
                      ("component.vendor", c?.vendor), ("component.product", c?.product), ("component.version", c?.version),
                      ("component.type", c?.type?.rawValue), ("component.sl-capability", c?.slCapability?.description),
                      ("component.certification", c?.certification.map { [$0.scheme, $0.standard, $0.level.map { "SL \($0)" }, $0.id].compactMap { $0 }.joined(separator: " ") })])
    }

    static func conduit(_ c: Conduit) -> [(String, String)] {
        let direction: String
        switch c.direction {
        case .bidirectional: direction = "bidirectional"
        case .oneWay(let from, let to): direction = "\(from)->\(to)"
        }
        return pairs([("name", c.name), ("zones", list(c.zones)), ("direction", direction), ("enforcement", c.enforcement.rawValue),
                      ("sl-target", c.slTarget?.description), ("allows", list(c.allows.map(rule))), ("description", c.description),
                      ("owner", c.owner)] + specification(c.specification))
    }

    static func flow(_ f: Flow) -> [(String, String)] {
        pairs([("from", f.from), ("to", f.to), ("protocol", f.protocol), ("port", f.port.map(String.init)), ("transport", f.transport?.rawValue),
               ("functions", list(f.functions)), ("essential", flag(f.essential)), ("description", f.description)])
    }

    static func countermeasure(_ m: Countermeasure) -> [(String, String)] {
        pairs([("name", m.name), ("satisfies", list(m.satisfies)), ("zones", list(m.zones)), ("conduits", list(m.conduits)),
               ("description", m.description)])
    }

    /// A conduit rule as written: the flow id, or `from -> to protocol/port functions`.
    static func rule(_ rule: ConduitRule) -> String {
        switch rule {
        case .flow(let id, _): return id
        case .rule(let r):
            var text = "\(r.from)->\(r.to)"
            if let p = r.protocol { text += " \(p)" }
            if let port = r.port { text += "/\(port)" }
            if !r.functions.isEmpty { text += " [\(r.functions.joined(separator: ", "))]" }
            return text
        }
    }

    private static func specification(_ s: SpecificationFacts) -> [(String, String?)] {
        [("boundary", s.boundary), ("access-points", list(s.accessPoints)), ("assumptions", s.assumptions),
         ("external-dependencies", s.externalDependencies)]
    }

    private static func pairs(_ fields: [(String, String?)]) -> [(String, String)] {
        fields.compactMap { name, value in value.map { (name, $0) } }
    }

    private static func list(_ items: [String]) -> String? { items.isEmpty ? nil : "[" + items.joined(separator: ", ") + "]" }
    private static func flag(_ value: Bool) -> String? { value ? "true" : nil }
}
