import ZonalModel

/// ZCR 3.1: every asset must be assigned to exactly one zone.
public struct AssetOutsideZoneCheck: Check {
    public let id = "ZC-3.1-01"
    public let title = "Asset assigned to no zone"
    public let clause = "IEC 62443-3-2 ZCR 3.1"
    public let rationale = "An asset outside every zone has no security level target and no boundary; nothing in the design protects it or protects others from it."
    public let remediation = "Set the asset's 'zone' to the zone whose requirements it shares."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.model.assets.filter { $0.zone == nil }.map { asset in
            let home = asset.addresses.lazy.compactMap { address in context.model.zones.first { $0.networks.contains { $0.contains(address) } } }.first
            return finding("asset '\(asset.id)' is in no zone", at: asset.location, subject: "asset:\(asset.id)",
                           remediation: home.map { "its address lies in zone '\($0.id)': add 'zone: \($0.id)'" } ?? remediation)
        }
    }
}
