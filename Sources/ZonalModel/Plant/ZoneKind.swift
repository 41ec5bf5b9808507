/// What a zone is for; drives the partitioning and conduit checks (e.g. enterprise zones must not reach control zones directly).
public enum ZoneKind: String, CaseIterable, Sendable, Codable, Hashable {
    case enterprise, dmz, supervisory, control, safety, field, external, wireless, transient

    /// Zones holding business (IT) systems rather than the IACS.
    public var isBusiness: Bool { self == .enterprise || self == .external }
    /// Zones whose loss or misuse acts on the physical process.
    public var isProcess: Bool { self == .control || self == .safety || self == .field }
    /// Zones holding IACS assets of any level.
    public var isIACS: Bool { isProcess || self == .supervisory || self == .dmz }

    /// The Purdue level usually associated with the kind, used to lay out diagrams when the model states none.
    public var typicalPurdueLevel: Double {
        switch self {
        case .external: 5
        case .enterprise: 4
        case .dmz: 3.5
        case .supervisory: 2
        case .control, .safety, .wireless, .transient: 1
        case .field: 0
        }
    }
}
