import ZonalModel

/// ZCR 3.5: wireless devices belong in zones of their own.
public struct WirelessDeviceSeparationCheck: Check {
    public let id = "ZC-3.5-01"
    public let title = "Wireless devices share a zone with wired assets"
    public let clause = "IEC 62443-3-2 ZCR 3.5"
    public let rationale = "A wireless network reaches past the fence: anyone in radio range is at the zone's boundary, so wired assets sharing the zone inherit that exposure."
    public let remediation = "Place wireless devices in a zone of kind 'wireless' and join it to the wired zones through a conduit."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        ZoneSeparation.mixedZones(context, trait: .wireless).map { mix in
            finding("wireless devices (\(ZoneSeparation.list(mix.special))) share zone '\(mix.zone.id)' with wired assets (\(ZoneSeparation.list(mix.others)))",
                    at: mix.special[0].location, subject: "zone:\(mix.zone.id)")
        }
    }
}
