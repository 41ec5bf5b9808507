/// Cleartext or unauthenticated remote access (Telnet, FTP, HTTP, VNC, OPC UA with security None) into a zone of SL-T 2 or more.
public struct CleartextRemoteAccessCheck: TrafficCheck {
    public let id = "ZC-TR-07"
    public let title = "Cleartext remote access into a zone of SL-T 2 or more"
    public let clause = "IEC 62443-3-3 SR 1.13, SR 3.1, SR 4.1"
    public let rationale = "From SL 2 up, remote access must be authenticated and its traffic protected; cleartext protocols expose credentials and commands to anyone on the path."
    public let remediation = "Replace the protocol with its secure form (SSH, SFTP, HTTPS, OPC UA Sign&Encrypt) or route the access through a jump host."
    public let severity = Severity.high
    public let kind = TrafficViolation.Kind.cleartextRemoteAccess
    public init() {}

    public func evaluate(_ context: TrafficContext) -> [TrafficViolation] {
        context.routes.compactMap { route in
            let flow = context.observation.flows[route.flow]
            let opcuaNone = flow.protocol == .opcua && flow.opcuaSecurityNone
            guard flow.protocol.isCleartextRemoteAccess || opcuaNone,
                  let zoneID = route.server.zone, route.client.zone != zoneID, let zone = context.model.zone(zoneID),
                  zone.slTarget.maximum.rawValue >= 2 else { return nil }
            let what = opcuaNone ? "OPC UA with security policy None" : flow.protocol.name
            return violation("\(what) into zone '\(zoneID)' (SL-T \(zone.slTarget.description)) from \(route.client.zone.map { "zone '\($0)'" } ?? "outside every zone")",
                             route: route, context: context, frames: opcuaNone ? [flow.opcuaNoneFrame] : flow.sampleFrames)
        }
    }
}
