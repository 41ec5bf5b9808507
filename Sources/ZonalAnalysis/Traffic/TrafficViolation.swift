import ZonalModel

/// One violation found in traffic: its kind, the flow, the frames to open in Wireshark, the conduit or zones concerned,
/// and the finding every report format renders.
public struct TrafficViolation: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case noConduit = "no-conduit"
        case notPermitted = "not-permitted"
        case forbiddenFunction = "forbidden-function"
        case againstDirection = "against-direction"
        case endpointOutsideZones = "endpoint-outside-zones"
        case endpointNotInInventory = "endpoint-not-in-inventory"
        case cleartextRemoteAccess = "cleartext-remote-access"
    }

    public let kind: Kind
    /// Index of the flow in the observation; nil for a violation about an endpoint across several flows.
    public let flow: Int?
    /// Index of the capture the frames belong to.
    public let capture: Int
    public let frames: [Int]
    public let conduit: String?
    public let zones: [String]
    public let finding: Finding
}
