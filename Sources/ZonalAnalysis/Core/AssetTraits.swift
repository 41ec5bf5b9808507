import ZonalModel

/// What the partitioning checks ask of one asset, read from it once.
///
/// Five checks ask it of every asset of the plant; asking the asset value each time copies it (a dozen strings) and
/// classifies its role name again, which at 100,000 assets cost more than the checks themselves.
public struct AssetTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Its role is a business (IT) role.
    public static let business = AssetTraits(rawValue: 1 << 0)
    /// Its role is an IACS or safety system role.
    public static let iacs = AssetTraits(rawValue: 1 << 1)
    /// Flagged safety-related, or its role is a safety system role.
    public static let safety = AssetTraits(rawValue: 1 << 2)
    public static let wireless = AssetTraits(rawValue: 1 << 3)
    public static let transient = AssetTraits(rawValue: 1 << 4)
    public static let external = AssetTraits(rawValue: 1 << 5)
    /// No SL-C is stated for its component.
    public static let capabilityUnknown = AssetTraits(rawValue: 1 << 6)

    public init(_ asset: Asset) {
        let category = asset.roleCategory
        var traits: AssetTraits = []
        if category == .business { traits.insert(.business) }
        if category == .iacs || category == .safety { traits.insert(.iacs) }
        if asset.safety || category == .safety { traits.insert(.safety) }
        if asset.wireless { traits.insert(.wireless) }
        if asset.transient { traits.insert(.transient) }
        if asset.external { traits.insert(.external) }
        if asset.component?.slCapability == nil { traits.insert(.capabilityUnknown) }
        self = traits
    }
}
