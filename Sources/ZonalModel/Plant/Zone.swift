import IEC62443

/// A security zone (IEC 62443-3-2 ZCR 3): assets grouped by shared security requirements, with a target security level vector.
public struct Zone: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: ZoneKind
    /// SL-T, the target security level vector.
    public var slTarget: SLVector
    public var networks: [IPNetwork]
    public var purdueLevel: Double?
    public var description: String?
    /// The organisation accountable for the zone.
    public var owner: String?
    /// What the requirements specification (IEC 62443-3-2 ZCR 6) says about the zone beyond its assets and conduits.
    public var specification: SpecificationFacts
    public var location: SourceLocation

    public init(id: String, name: String, kind: ZoneKind, slTarget: SLVector, networks: [IPNetwork] = [],
                purdueLevel: Double? = nil, description: String? = nil, owner: String? = nil, specification: SpecificationFacts = .init(),
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.slTarget = slTarget
        self.networks = networks
        self.purdueLevel = purdueLevel
        self.description = description
        self.owner = owner
        self.specification = specification
        self.location = location
    }
}
