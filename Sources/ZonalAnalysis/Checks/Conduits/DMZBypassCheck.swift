import ZonalModel

/// No conduit may join an enterprise or external zone straight to a control, safety or field zone: traffic crosses a DMZ.
public struct DMZBypassCheck: Check {
    public let id = "ZC-CD-04"
    public let title = "Enterprise or external zone joined directly to a control or safety zone"
    public let clause = "IEC 62443-3-3 SR 5.1 RE 2; IEC 62443-3-2 ZCR 3.2"
    public let rationale = "Without an intermediate DMZ, one compromised business system or remote connection is one hop from the controllers; a DMZ forces every exchange through brokered, inspectable services."
    public let remediation = "Terminate the connection in a DMZ zone (historian mirror, jump host, file transfer) and join the DMZ to each side with its own conduit."
    public let severity = Severity.critical
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        // By position, copying only the conduits and zones of a finding.
        return model.conduits.indices.compactMap { c in
            guard let (a, b) = model.zonePositions(ofConduitAt: c) else { return nil }
            guard let o = [a, b].first(where: { model.zones[$0].kind.isBusiness }), let i = [a, b].first(where: { model.zones[$0].kind.isProcess }) else { return nil }
            let conduit = model.conduits[c], outer = model.zones[o], inner = model.zones[i]
            return finding("conduit '\(conduit.id)' joins \(outer.kind.rawValue) zone '\(outer.id)' directly to \(inner.kind.rawValue) zone '\(inner.id)'",
                           at: conduit.location, subject: "conduit:\(conduit.id)")
        }
    }
}
