/// A security measure that satisfies named requirements (SRs/REs) for the zones or conduits it covers.
public struct Countermeasure: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// Canonical requirement ids, e.g. "SR 1.1 RE 2".
    public var satisfies: [String]
    public var zones: [String]
    public var conduits: [String]
    public var description: String?
    /// The threat scenarios it mitigates beyond the requirements it satisfies, and how.
    public var mitigates: [ScenarioMitigation]
    public var location: SourceLocation

    public init(id: String, name: String? = nil, satisfies: [String], zones: [String] = [], conduits: [String] = [],
                description: String? = nil, mitigates: [ScenarioMitigation] = [], location: SourceLocation) {
        self.id = id
        self.name = name
        self.satisfies = satisfies
        self.zones = zones
        self.conduits = conduits
        self.description = description
        self.mitigates = mitigates
        self.location = location
    }
}
