/// An address inside a zone's network that no asset of the model owns.
public struct EndpointNotInInventoryCheck: TrafficCheck {
    public let id = "ZC-TR-06"
    public let title = "Endpoint not in the asset inventory"
    public let clause = "IEC 62443-3-2 ZCR 3.2; IEC 62443-3-3 SR 7.8"
    public let rationale = "The zone's assessment rests on its asset inventory; an unlisted device (a forgotten laptop, a rogue gateway) carries risk nobody assessed."
    public let remediation = "Add the device to the inventory with its role and component, or remove it from the zone."
    public let severity = Severity.medium
    public let kind = TrafficViolation.Kind.endpointNotInInventory
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        EndpointSightings.collect(context) { $0.zone != nil && $0.asset == nil }.map { sighting in
            sighting.violation(self, context: context, message: "\(sighting.address) is in zone '\(sighting.placement.zone!)' but no asset of the model has this address",
                               remediation: "Add an asset with 'ip: \(sighting.address)' to zone '\(sighting.placement.zone!)', or remove the device.")
        }
    }
}
