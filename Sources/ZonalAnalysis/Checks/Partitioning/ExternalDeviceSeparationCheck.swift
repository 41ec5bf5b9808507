import ZonalModel

/// ZCR 3.6: devices connected through networks outside the system belong in zones of their own.
public struct ExternalDeviceSeparationCheck: Check {
    public let id = "ZC-3.6-01"
    public let title = "Devices reached via external networks share a zone"
    public let clause = "IEC 62443-3-2 ZCR 3.6"
    public let rationale = "A device reached over a carrier, vendor or internet link sits on a network the asset owner does not control; its zone's boundary is only as strong as that network."
    public let remediation = "Place devices reached through external networks in a zone of their own (kind 'external' or a dedicated remote zone) behind a conduit."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        ZoneSeparation.mixedZones(context, trait: .external).map { mix in
            finding("devices reached via external networks (\(ZoneSeparation.list(mix.special))) share zone '\(mix.zone.id)' with local assets (\(ZoneSeparation.list(mix.others)))",
                    at: mix.special[0].location, subject: "zone:\(mix.zone.id)")
        }
    }
}
