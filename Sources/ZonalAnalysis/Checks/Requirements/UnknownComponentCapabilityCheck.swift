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
        context.model.zones.indices.compactMap { z in
            guard context.model.zones[z].slTarget.maximum.rawValue > 0,
                  context.assetPositionsByZone[z].contains(where: { context.assetTraits[$0].contains(.capabilityUnknown) }) else { return nil }
            let zone = context.model.zones[z], unknown = context.assets(inZoneAt: z) { $0.contains(.capabilityUnknown) }
            return finding("\(unknown.count) asset(s) in zone '\(zone.id)' have no stated SL-C: \(ZoneSeparation.list(unknown))",
                           at: unknown[0].location, subject: "zone:\(zone.id)")
        }
    }
}
