/// A firewall of the plant: the ruleset file that enforces some conduits, and the zone behind each of its interfaces.
public struct FirewallBinding: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// The ruleset file as written in the model (relative to the model file); nil when the model names the firewall without its ruleset.
    public var config: String?
    /// `iptables-save`, `nftables-json` or `nftables`; nil to tell from the content.
    public var format: String?
    public var conduits: [String]
    /// Interface name and the zone behind it, in the order written.
    public var interfaces: [InterfaceZone]
    public var description: String?
    public var location: SourceLocation

    public init(id: String, name: String? = nil, config: String? = nil, format: String? = nil, conduits: [String] = [],
                interfaces: [InterfaceZone] = [], description: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.config = config
        self.format = format
        self.conduits = conduits
        self.interfaces = interfaces
        self.description = description
        self.location = location
    }

    /// The interfaces in front of a zone.
    public func interfaces(of zone: String) -> [String] { interfaces.filter { $0.zone == zone }.map(\.interface) }
}

/// One interface of a firewall and the zone behind it.
public struct InterfaceZone: Hashable, Sendable {
    public var interface: String
    public var zone: String

    public init(_ interface: String, _ zone: String) {
        self.interface = interface
        self.zone = zone
    }
}
