import ZonalModel

/// Components without a stated SL-C cannot be credited with any requirement; say which ones so the gap can be closed with data.
public struct UnknownComponentCapabilityCheck: Check {
    public let id = "ZC-SL-03"
    public let title = "Component capability (SL-C) not stated"
    public let clause = "IEC 62443-4-2 clause 4; IEC 62443-3-3 clause 4.3"
    public let rationale = "SL-A is bounded by the weakest component; a component whose capability nobody has stated is assumed to meet nothing, which may overstate the gap or hide a real one."
    public let remediation = "State each component's 'sl-capability' from its 62443-4-2 certificate or the vendor's security manual."
    public let severity = Severity.low
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let assets = context.model.assets
        return context.model.zones.indices.compactMap { z in
            let positions = context.assetPositionsByZone[z].filter { assets[$0].component?.slCapability == nil }
            guard !positions.isEmpty, context.model.zones[z].slTarget.maximum.rawValue > 0 else { return nil }
            let zone = context.model.zones[z], unknown = positions.map { assets[$0] }
            return finding("\(unknown.count) asset(s) in zone '\(zone.id)' have no stated SL-C: \(ZoneSeparation.list(unknown))",
                           at: unknown[0].location, subject: "zone:\(zone.id)")
        }
    }
}
