import ZonalModel

/// ZCR 3.3: safety-related assets belong in zones of their own.
public struct SafetyZoneSeparationCheck: Check {
    public let id = "ZC-3.3-01"
    public let title = "Safety-related assets not in a safety zone of their own"
    public let clause = "IEC 62443-3-2 ZCR 3.3"
    public let rationale = "A safety instrumented system is the last layer of protection; sharing a zone with the basic process control system lets one compromise disable both the process control and its safety net."
    public let remediation = "Place safety-related assets in a zone of kind 'safety' that holds nothing else, joined to the control zone through a conduit."
    public let severity = Severity.critical
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        var findings = ZoneSeparation.mixedZones(context, trait: .safety).map { mix in
            finding("zone '\(mix.zone.id)' mixes safety-related assets (\(ZoneSeparation.list(mix.special))) with other assets (\(ZoneSeparation.list(mix.others)))",
                    at: mix.zone.location, subject: "zone:\(mix.zone.id)")
        }
        for (z, members) in context.assetPositionsByZone.enumerated() where context.model.zones[z].kind != .safety {
            // Only a zone of nothing but safety-related assets gets this finding: test before copying any.
            guard !members.isEmpty, members.allSatisfy({ context.assetTraits[$0].contains(.safety) }) else { continue }
            let zone = context.model.zones[z], safety = context.assets(inZoneAt: z)
            findings.append(finding("safety-related assets (\(ZoneSeparation.list(safety))) are in zone '\(zone.id)' of kind '\(zone.kind.rawValue)'",
                                    at: zone.location, subject: "zone:\(zone.id)", severity: .medium,
                                    remediation: "Declare the zone 'kind: safety' so the design treats it as one."))
        }
        return findings
    }
}
