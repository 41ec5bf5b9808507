import ZonalModel

/// ZCR 3.4: temporarily connected devices belong in zones of their own.
public struct TransientDeviceSeparationCheck: Check {
    public let id = "ZC-3.4-01"
    public let title = "Temporarily connected devices share a zone with permanent assets"
    public let clause = "IEC 62443-3-2 ZCR 3.4"
    public let rationale = "Maintenance laptops and USB-connected devices travel between networks and plants; inside a permanent zone they bring in whatever they carry."
    public let remediation = "Give temporarily connected devices a zone of kind 'transient' and connect it to the zones they service through a conduit."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        ZoneSeparation.mixedZones(context, trait: .transient).map { mix in
            finding("temporarily connected devices (\(ZoneSeparation.list(mix.special))) share zone '\(mix.zone.id)' with permanent assets (\(ZoneSeparation.list(mix.others)))",
                    at: mix.special[0].location, subject: "zone:\(mix.zone.id)")
        }
    }
}
