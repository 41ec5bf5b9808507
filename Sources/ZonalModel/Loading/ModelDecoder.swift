import IEC62443

/// Turns a document tree into plant objects, checking each object on its own (types, required keys, vocabularies).
/// References between objects are checked afterwards by `ModelValidator`, once every id is known.
struct ModelDecoder {
    var log: DiagnosticLog
    private let catalog: Catalog
    /// The criteria scenario and mitigation levels are read against: the model's own, once decoded, else the defaults.
    var criteria = RiskCriteria.default

    init(file: String, catalog: Catalog) {
        log = DiagnosticLog(file: file)
        self.catalog = catalog
    }

    /// The sections of a decoded file, before cross-reference validation.
    struct Sections {
        var system = SystemInfo(name: "")
        var zones: [Zone] = []
        var assets: [Asset] = []
        var flows: [Flow] = []
        var conduits: [Conduit] = []
        var countermeasures: [Countermeasure] = []
        var policy = EnforcementPolicy.default
        var environment: [String: String] = [:]
        var riskCriteria: RiskCriteria?
        var threatScenarios: [ThreatScenario] = []
        /// Every id one object uses to name another, with where it was written, for `ModelValidator`.
        var references: [Reference] = []
        /// Every address an asset claims, with where it was written.
        var addressClaims: [AddressClaim] = []
    }

    /// An id written in one object that must name another object.
    struct Reference {
        enum Target { case zone, asset, zoneOrAsset, flow, conduit, zoneOrConduit, scenario }
        let id: String
        let target: Target
        let location: SourceLocation
        /// "zone of asset 'plc-1'".
        let role: String
    }

    /// An address written for an asset.
    struct AddressClaim {
        let asset: String
        let address: IPAddress
        let location: SourceLocation
    }

    var references: [Reference] = []
    private var addressClaims: [AddressClaim] = []

    mutating func refer(_ id: String?, _ target: Reference.Target, at node: ModelNode?, _ role: String) {
        guard let id, let node else { return }
        references.append(Reference(id: id, target: target, location: log.location(of: node), role: role))
    }

    mutating func decode(_ root: ModelNode) -> Sections {
        var sections = Sections()
        guard let doc = MappingReader(root, subject: "the model", keys: ModelKeys.document, log: &log) else { return sections }
        if let version = doc.value("zonal") {
            if version.scalarText != String(ModelKeys.formatVersion) {
                log.error(version, "this file is for model format \(version.scalarText ?? "?"); this Zonal reads format \(ModelKeys.formatVersion)",
                          hint: "write 'zonal: \(ModelKeys.formatVersion)'")
            }
        } else {
            log.error(root, "the model does not say its format version", hint: "start the file with 'zonal: \(ModelKeys.formatVersion)'")
        }
        if let node = doc.value("system"), let system = MappingReader(node, subject: "system", keys: ModelKeys.system, log: &log) {
            sections.system = SystemInfo(
                name: system.string("name", required: true, log: &log) ?? "",
                owner: system.string("owner", log: &log),
                description: system.string("description", log: &log))
        } else if !doc.has("system") {
            log.error(root, "the model has no 'system' section", hint: "add 'system: { name: ..., owner: ... }'")
        }
        sections.zones = (doc.list("zones", log: &log) ?? []).compactMap { decodeZone($0) }
        if !doc.has("zones") { log.error(root, "the model has no 'zones' section", hint: "a model needs at least one zone") }
        sections.assets = (doc.list("assets", log: &log) ?? []).compactMap { decodeAsset($0) }
        sections.flows = (doc.list("flows", log: &log) ?? []).compactMap { decodeFlow($0) }
        sections.conduits = (doc.list("conduits", log: &log) ?? []).compactMap { decodeConduit($0) }
        if let node = doc.value("risk-criteria") {
            sections.riskCriteria = decodeRiskCriteria(node)
            criteria = sections.riskCriteria ?? .default
        }
        sections.countermeasures = (doc.list("countermeasures", log: &log) ?? []).compactMap { decodeCountermeasure($0) }
        sections.threatScenarios = (doc.list("threat-scenarios", log: &log) ?? []).compactMap { decodeThreatScenario($0) }
        if let node = doc.value("policy") { sections.policy = decodePolicy(node) }
        sections.references = references
        sections.addressClaims = addressClaims
        if let node = doc.value("environment"), let env = MappingReader(node, subject: "environment", keys: ModelKeys.environment, log: &log) {
            for key in ModelKeys.environment.names {
                if let text = env.string(key, log: &log) { sections.environment[key] = text }
            }
        }
        return sections
    }

    /// The subject of a list item for messages: "zone 'sis'" when it has an id, else "zone #3".
    func subject(_ kind: String, _ node: ModelNode) -> String {
        if case .mapping(let pairs) = node.value, let id = pairs.first(where: { $0.key.scalarText == "id" })?.value.scalarText {
            return "\(kind) '\(id)'"
        }
        return "a \(kind)"
    }

    private mutating func decodeZone(_ node: ModelNode) -> Zone? {
        guard let m = MappingReader(node, subject: subject("zone", node), keys: ModelKeys.zone, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        let kind = m.choice("kind", ZoneKind.self, required: true, log: &log)
        let sl = m.slVector("sl-target", required: true, log: &log)
        var networks: [IPNetwork] = []
        for (text, item) in m.stringList("networks", log: &log) ?? [] {
            do {
                networks.append(try IPNetwork.parse(text))
            } catch .hostBitsSet(let suggested) {
                log.error(item, "'\(text)' has host bits set after the prefix", hint: "write it as \(suggested)")
            } catch {
                log.error(item, "'\(text)' is not a network in CIDR notation", hint: "write it as an address and prefix length, e.g. 10.10.1.0/24 or fd00:10::/64")
            }
        }
        let purdue = m.double("purdue-level", log: &log)
        if let p = purdue, !(0...5).contains(p), let value = m.value("purdue-level") {
            log.error(value, "purdue-level \(p) is outside 0...5", hint: "Purdue levels run from 0 (process) to 5 (enterprise network); 3.5 is the usual DMZ")
        }
        // A zone with an id is kept even when its kind or level is unusable (the load fails anyway),
        // so that references to it do not add a cascade of "no such zone" errors.
        guard let id else { return nil }
        return Zone(id: id, name: m.string("name", log: &log) ?? id, kind: kind ?? .control, slTarget: sl ?? .zero, networks: networks,
                    purdueLevel: purdue, description: m.string("description", log: &log), owner: m.string("owner", log: &log),
                    specification: decodeSpecification(m), location: log.location(of: node))
    }

    private mutating func decodeAsset(_ node: ModelNode) -> Asset? {
        guard let m = MappingReader(node, subject: subject("asset", node), keys: ModelKeys.asset, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        var addresses: [IPAddress] = []
        for key in ["ip", "addresses"] {
            for (text, item) in m.stringList(key, log: &log) ?? [] {
                if let address = IPAddress(text) {
                    addresses.append(address)
                    if let id = m.string("id", log: &log) {
                        addressClaims.append(AddressClaim(asset: id, address: address, location: log.location(of: item)))
                    }
                } else {
                    log.error(item, "'\(text)' is not an IPv4 or IPv6 address", hint: "write e.g. 10.10.1.10 or fd00:10::10; networks belong in the zone's 'networks'")
                }
            }
        }
        var mac: MACAddress?
        if let text = m.string("mac", log: &log), let value = m.value("mac") {
            mac = MACAddress(text)
            if mac == nil { log.error(value, "'\(text)' is not a MAC address", hint: "write six hexadecimal bytes, e.g. 00:1d:9c:c8:0a:01") }
        }
        var component: Component?
        if let node = m.value("component") { component = decodeComponent(node, owner: m.subject) }
        guard let id else { return nil }
        refer(m.string("zone", log: &log), .zone, at: m.value("zone"), "zone of asset '\(id)'")
        return Asset(id: id, name: m.string("name", log: &log), zone: m.string("zone", log: &log), role: m.string("role", log: &log) ?? "unspecified",
                     addresses: addresses, mac: mac, safety: m.bool("safety", log: &log) ?? false,
                     wireless: m.bool("wireless", log: &log) ?? false, transient: m.bool("transient", log: &log) ?? false,
                     external: m.bool("external", log: &log) ?? false, component: component, location: log.location(of: node))
    }

    private mutating func decodeComponent(_ node: ModelNode, owner: String) -> Component? {
        guard let m = MappingReader(node, subject: "the component of \(owner)", keys: ModelKeys.component, log: &log) else { return nil }
        var type: ComponentType?
        if let text = m.string("type", log: &log), let value = m.value("type") {
            type = ComponentType(parsing: text)
            if type == nil {
                let names = ComponentType.allCases.map(\.rawValue)
                log.error(value, "'\(text)' is not a component type", hint: Suggestion.hint(for: text, in: names) ?? "use one of: \(names.joined(separator: ", "))")
            }
        }
        var certification: Certification?
        if let node = m.value("certification"),
           let c = MappingReader(node, subject: "the certification of \(owner)", keys: ModelKeys.certification, log: &log) {
            certification = Certification(scheme: c.string("scheme", required: true, log: &log) ?? "", standard: c.string("standard", log: &log),
                                          level: c.int("level", in: 1...4, log: &log), id: c.string("id", log: &log))
        }
        return Component(vendor: m.string("vendor", log: &log), product: m.string("product", log: &log), version: m.string("version", log: &log),
                         type: type, slCapability: m.slVector("sl-capability", log: &log), certification: certification)
    }

    private mutating func decodeFlow(_ node: ModelNode) -> Flow? {
        guard let m = MappingReader(node, subject: subject("flow", node), keys: ModelKeys.flow, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        let from = m.string("from", required: true, log: &log)
        let to = m.string("to", required: true, log: &log)
        let traffic = decodeTraffic(m)
        guard let id, let from, let to else { return nil }
        refer(from, .zoneOrAsset, at: m.value("from"), "'from' of flow '\(id)'")
        refer(to, .zoneOrAsset, at: m.value("to"), "'to' of flow '\(id)'")
        return Flow(id: id, from: from, to: to, protocol: traffic.protocol, port: traffic.port, transport: traffic.transport,
                    functions: traffic.functions, essential: m.bool("essential", log: &log) ?? false,
                    description: m.string("description", log: &log), location: log.location(of: node))
    }

    /// The protocol, port, transport and functions shared by flows and inline rules.
    private mutating func decodeTraffic(_ m: MappingReader) -> (protocol: String?, port: Int?, transport: Transport?, functions: [String]) {
        let proto = m.string("protocol", log: &log)?.lowercased()
        let port = m.int("port", in: 0...65535, log: &log)
        let transport = m.choice("transport", Transport.self, log: &log)
        let functionItems = m.stringList("functions", log: &log) ?? []
        let functions = functionItems.map { $0.0.lowercased() }
        if !functions.isEmpty, proto == nil, let value = m.value("functions") {
            log.error(value, "\(m.subject) lists functions but no protocol", hint: "functions are protocol operations: add e.g. 'protocol: modbus'")
        }
        if let proto {
            for (name, item) in functionItems where !ProtocolFunctions.isKnown(name.lowercased(), protocol: proto) {
                let known = ProtocolFunctions.names(for: proto)
                log.error(item, "'\(name)' is not a \(proto) function Zonal knows",
                          hint: Suggestion.hint(for: name, in: known) ?? "known \(proto) functions: \(known.joined(separator: ", "))")
            }
        }
        return (proto, port, transport, functions)
    }

    private mutating func decodeConduit(_ node: ModelNode) -> Conduit? {
        guard let m = MappingReader(node, subject: subject("conduit", node), keys: ModelKeys.conduit, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        let zoneItems = m.stringList("zones", log: &log) ?? []
        let zones = zoneItems.map(\.0)
        for (zone, item) in zoneItems { refer(zone, .zone, at: item, "zone of conduit '\(id ?? "?")'") }
        if m.has("zones"), zones.count != 2, let value = m.value("zones") {
            log.error(value, "\(m.subject) joins \(zones.count) zone(s); a conduit joins exactly two", hint: "split it into one conduit per pair of zones")
        } else if !m.has("zones") {
            log.error(node, "\(m.subject) needs 'zones', the two zones it joins")
        }
        var direction = ConduitDirection.bidirectional
        if let text = m.string("direction", log: &log), let value = m.value("direction") {
            let t = text.replacingOccurrences(of: " ", with: "")
            if ["bidirectional", "both", "two-way"].contains(t.lowercased()) {
                direction = .bidirectional
            } else if let arrow = t.range(of: "->") {
                direction = .oneWay(from: String(t[..<arrow.lowerBound]), to: String(t[arrow.upperBound...]))
            } else {
                log.error(value, "'\(text)' is not a conduit direction", hint: "write 'bidirectional' or 'FROM->TO' with the ids of the two zones")
            }
        }
        let enforcement = m.choice("enforcement", Enforcement.self, required: true, log: &log)
        var rules: [ConduitRule] = []
        for item in m.list("allows", log: &log) ?? [] {
            switch item.value {
            case .scalar(let flowID, let kind) where kind != .null:
                rules.append(.flow(id: flowID, location: log.location(of: item)))
                refer(flowID, .flow, at: item, "flow allowed by conduit '\(id ?? "?")'")
            case .mapping:
                guard let r = MappingReader(item, subject: "a rule of \(m.subject)", keys: ModelKeys.inlineRule, log: &log) else { continue }
                let from = r.string("from", required: true, log: &log)
                let to = r.string("to", required: true, log: &log)
                let traffic = decodeTraffic(r)
                refer(from, .zoneOrAsset, at: r.value("from"), "'from' of a rule of conduit '\(id ?? "?")'")
                refer(to, .zoneOrAsset, at: r.value("to"), "'to' of a rule of conduit '\(id ?? "?")'")
                if let from, let to {
                    rules.append(.rule(InlineRule(from: from, to: to, protocol: traffic.protocol, port: traffic.port, transport: traffic.transport,
                                                  functions: traffic.functions, location: log.location(of: item))))
                }
            default:
                log.error(item, "each item of 'allows' of \(m.subject) is a flow id or a rule mapping, found \(item.typeName)")
            }
        }
        let sl = m.slVector("sl-target", log: &log)
        guard let id else { return nil }
        return Conduit(id: id, name: m.string("name", log: &log), zones: zones, direction: direction, enforcement: enforcement ?? .none, slTarget: sl,
                       allows: rules, description: m.string("description", log: &log), owner: m.string("owner", log: &log),
                       specification: decodeSpecification(m), location: log.location(of: node))
    }

    /// The ZCR 6.4 facts shared by zones and conduits.
    private mutating func decodeSpecification(_ m: MappingReader) -> SpecificationFacts {
        SpecificationFacts(boundary: m.string("boundary", log: &log), accessPoints: (m.stringList("access-points", log: &log) ?? []).map(\.0),
                           assumptions: m.string("assumptions", log: &log), externalDependencies: m.string("external-dependencies", log: &log))
    }

    private mutating func decodeCountermeasure(_ node: ModelNode) -> Countermeasure? {
        guard let m = MappingReader(node, subject: subject("countermeasure", node), keys: ModelKeys.countermeasure, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        var satisfies: [String] = []
        let known = catalog.entries(of: .systemRequirements)
        for (text, item) in m.stringList("satisfies", log: &log) ?? [] {
            if let requirement = catalog.requirement(text), requirement.standard == .systemRequirements {
                satisfies.append(requirement.id)
            } else {
                log.error(item, "'\(text)' is not a system requirement (SR or RE) of IEC 62443-3-3",
                          hint: Suggestion.hint(for: Catalog.canonicalID(text), in: known.map(\.id)).map { $0 + " (list them with 'zonal catalog --standard 3-3')" }
                            ?? "list them with 'zonal catalog --standard 3-3'; write e.g. 'SR 1.1' or 'SR 1.1 RE 2'")
            }
        }
        if !m.has("satisfies") { log.error(node, "\(m.subject) needs 'satisfies', the SRs/REs it meets") }
        let zoneItems = m.stringList("zones", log: &log) ?? []
        let conduitItems = m.stringList("conduits", log: &log) ?? []
        for (zone, item) in zoneItems { refer(zone, .zone, at: item, "zone of countermeasure '\(id ?? "?")'") }
        for (conduit, item) in conduitItems { refer(conduit, .conduit, at: item, "conduit of countermeasure '\(id ?? "?")'") }
        let zones = zoneItems.map(\.0)
        let conduits = conduitItems.map(\.0)
        if zones.isEmpty && conduits.isEmpty {
            log.error(node, "\(m.subject) covers no zone or conduit", hint: "add 'zones: [...]' or 'conduits: [...]'")
        }
        let mitigates = m.list("mitigates", log: &log).map { decodeMitigations($0, owner: m.subject) } ?? []
        guard let id else { return nil }
        return Countermeasure(id: id, name: m.string("name", log: &log), satisfies: satisfies, zones: zones, conduits: conduits,
                              description: m.string("description", log: &log), mitigates: mitigates, location: log.location(of: node))
    }

    private mutating func decodePolicy(_ node: ModelNode) -> EnforcementPolicy {
        var policy = EnforcementPolicy.default
        guard let m = MappingReader(node, subject: "policy", keys: ModelKeys.policy, log: &log),
              let table = m.value("enforcement") else { return policy }
        guard case .mapping(let pairs) = table.value else {
            log.error(table, "'enforcement' of policy maps an SL-T difference to the enforcement types it accepts",
                      hint: "e.g. 'enforcement: {1: [firewall, dpi-firewall], 2: [dpi-firewall, data-diode]}'")
            return policy
        }
        for (key, value) in pairs {
            guard let text = key.scalarText, let difference = Int(text), (0...4).contains(difference) else {
                log.error(key, "'\(key.scalarText ?? "?")' is not an SL-T difference (0-4)")
                continue
            }
            var accepted: Set<Enforcement> = []
            let items: [ModelNode]
            if case .sequence(let list) = value.value { items = list } else { items = [value] }
            for item in items {
                if let name = item.scalarText, let e = Enforcement(rawValue: name) {
                    accepted.insert(e)
                } else {
                    let names = Enforcement.allCases.map(\.rawValue)
                    log.error(item, "'\(item.scalarText ?? item.typeName)' is not an enforcement type",
                              hint: Suggestion.hint(for: item.scalarText ?? "", in: names) ?? "use: \(names.joined(separator: ", "))")
                }
            }
            policy.adequate[difference] = accepted
        }
        return policy
    }
}
