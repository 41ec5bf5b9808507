/// One entry of a bundled catalog: a requirement or requirement enhancement with its id, FR, short title and the levels at which it applies.
public struct Requirement: Hashable, Sendable, Codable {
    /// What kind of catalog entry this is, as the standard names it.
    public enum Kind: String, Sendable, Codable, Hashable {
        case sr = "SR", cr = "CR", re = "RE"
        case sar = "SAR", edr = "EDR", hdr = "HDR", ndr = "NDR"
        case zcr = "ZCR"
        case practiceRequirement = "practice-requirement"
    }

    /// The id as the standard writes it, e.g. "SR 1.1 RE 1", "CR 2.1", "ZCR 3.3", "SM-1".
    public let id: String
    /// Filled in by the catalog from the file the entry came from.
    public internal(set) var standard: Standard?
    public let kind: Kind
    /// The requirement an enhancement (RE) or sub-requirement refines.
    public let parent: String?
    /// The foundational requirement (3-3 and 4-2 only).
    public let fr: FoundationalRequirement?
    /// A short title in Zonal's own words (the standard's text is not reproduced).
    public let title: String
    /// The security levels at which the entry is required (empty where the part is not graded by SL).
    public let levels: [Int]
    /// For 4-2: the component types the entry applies to.
    public let components: [ComponentType]?
    /// For 4-1: the practice (SM, SR, SD, SI, SVV, DM, SUM, SG).
    public let practice: String?

    public init(id: String, standard: Standard?, kind: Kind, parent: String? = nil, fr: FoundationalRequirement? = nil,
                title: String, levels: [Int], components: [ComponentType]? = nil, practice: String? = nil) {
        self.id = id
        self.standard = standard
        self.kind = kind
        self.parent = parent
        self.fr = fr
        self.title = title
        self.levels = levels
        self.components = components
        self.practice = practice
    }

    /// The lowest security level at which the entry is required, or nil when it is not SL-graded.
    public var minimumLevel: SecurityLevel? {
        levels.min().flatMap(SecurityLevel.init(rawValue:))
    }

    /// True when a target of `level` requires this entry.
    public func isRequired(at level: SecurityLevel) -> Bool {
        levels.contains(level.rawValue)
    }

    /// True for requirement enhancements (ids with " RE ").
    public var isEnhancement: Bool { kind == .re }
}
