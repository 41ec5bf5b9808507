import IEC62443

/// A conduit (IEC 62443-3-2 ZCR 3): the communication channel joining two zones, with how its boundary is enforced and what it permits.
public struct Conduit: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// The two zones it joins.
    public var zones: [String]
    public var direction: ConduitDirection
    public var enforcement: Enforcement
    /// SL-T of the conduit; nil when the model states none (the analysis then expects the higher zone's).
    public var slTarget: SLVector?
    public var allows: [ConduitRule]
    public var description: String?
    /// The organisation accountable for the conduit.
    public var owner: String?
    /// What the requirements specification (IEC 62443-3-2 ZCR 6) says about the conduit beyond its zones and rules.
    public var specification: SpecificationFacts
    public var location: SourceLocation

    public init(id: String, name: String? = nil, zones: [String], direction: ConduitDirection = .bidirectional,
                enforcement: Enforcement, slTarget: SLVector? = nil, allows: [ConduitRule] = [],
                description: String? = nil, owner: String? = nil, specification: SpecificationFacts = .init(), location: SourceLocation) {
        self.id = id
        self.name = name
        self.zones = zones
        self.direction = direction
        self.enforcement = enforcement
        self.slTarget = slTarget
        self.allows = allows
        self.description = description
        self.owner = owner
        self.specification = specification
        self.location = location
    }

    /// True when the conduit joins these two zones (in either order).
    public func joins(_ a: String, _ b: String) -> Bool {
        zones.count == 2 && ((zones[0] == a && zones[1] == b) || (zones[0] == b && zones[1] == a))
    }

    /// True when traffic opened from zone `from` toward zone `to` goes with the conduit's direction.
    public func permitsDirection(from: String, to: String) -> Bool {
        direction.permits(from: from, to: to)
    }

    /// The zone on the other side from `zone`.
    public func otherZone(than zone: String) -> String? {
        guard zones.count == 2 else { return nil }
        return zones[0] == zone ? zones[1] : (zones[1] == zone ? zones[0] : nil)
    }
}

/// Which way a conduit lets traffic pass.
public enum ConduitDirection: Hashable, Sendable {
    case bidirectional
    /// Enforced one-way, e.g. by a data diode.
    case oneWay(from: String, to: String)

    /// True when traffic opened from zone `from` toward zone `to` goes this way.
    public func permits(from: String, to: String) -> Bool {
        switch self {
        case .bidirectional: true
        case .oneWay(let source, let destination): source == from && destination == to
        }
    }
}

/// How a conduit's boundary is enforced.
public enum Enforcement: String, CaseIterable, Sendable, Hashable, Codable {
    case none
    case firewall
    case dpiFirewall = "dpi-firewall"
    case dataDiode = "data-diode"
    case protocolBreak = "protocol-break"
    case vpn
    case jumpHost = "jump-host"
}

/// One thing a conduit permits: a flow of the model by id, or an inline rule.
public enum ConduitRule: Hashable, Sendable {
    case flow(id: String, location: SourceLocation)
    case rule(InlineRule)

    /// True for an inline rule, false for a flow named by id.
    public var isInlineRule: Bool {
        if case .rule = self { true } else { false }
    }
}

/// A conduit rule written in place rather than naming a flow: endpoints (asset or zone ids), protocol, port and functions.
public struct InlineRule: Hashable, Sendable {
    public var from: String
    public var to: String
    public var `protocol`: String?
    public var port: Int?
    public var transport: Transport?
    public var functions: [String]
    public var location: SourceLocation

    public init(from: String, to: String, protocol: String? = nil, port: Int? = nil, transport: Transport? = nil,
                functions: [String] = [], location: SourceLocation) {
        self.from = from
        self.to = to
        self.protocol = `protocol`
        self.port = port
        self.transport = transport
        self.functions = functions
        self.location = location
    }
}
