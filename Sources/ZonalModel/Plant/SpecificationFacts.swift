/// The facts IEC 62443-3-2 ZCR 6.4 asks the requirements specification to state for each zone and conduit that the
/// rest of the model does not already say: its boundary, access points, assumptions and external dependencies.
/// Every one is optional; documents print "not stated" for what is missing.
public struct SpecificationFacts: Hashable, Sendable {
    /// Where the zone or conduit ends, physically and logically (e.g. "the cabinet and the switch ports of ring A").
    public var boundary: String?
    /// The points where one can reach into it (switch ports, remote-access gateways, USB, wireless, maintenance ports).
    public var accessPoints: [String]
    public var assumptions: String?
    /// What it relies on outside itself (carrier network, vendor support, time source, domain services).
    public var externalDependencies: String?

    public init(boundary: String? = nil, accessPoints: [String] = [], assumptions: String? = nil, externalDependencies: String? = nil) {
        self.boundary = boundary
        self.accessPoints = accessPoints
        self.assumptions = assumptions
        self.externalDependencies = externalDependencies
    }
}
