import ZonalModel

/// A conduit's enforcement type must be adequate for the difference between the SL-T of the zones it joins.
public struct EnforcementAdequacyCheck: Check {
    public let id = "ZC-CD-06"
    public let title = "Conduit enforcement inadequate for the SL-T difference"
    public let clause = "IEC 62443-3-3 SR 5.2; IEC 62443-3-2 ZCR 3"
    public let rationale = "The larger the step in security level across a boundary, the stronger the mechanism that must hold it; a plain firewall between SL 1 and SL 3 lets the weaker side set the pace. The accepted types per difference are Zonal's documented policy, overridable under 'policy: enforcement'."
    public let remediation = "Enforce the conduit with one of the accepted types, or state a different policy for this plant under 'policy: enforcement'."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        return model.conduits.indices.compactMap { c in
            guard let (a, b) = model.zonePositions(ofConduitAt: c) else { return nil }
            let difference = context.levelDifference(model.zones[a], model.zones[b])
            let accepted = model.policy.accepted(forDifference: difference)
            guard !accepted.contains(model.conduits[c].enforcement) else { return nil }
            let conduit = model.conduits[c], zones = [model.zones[a], model.zones[b]]
            let names = accepted.sorted { ($0.strength, $0.rawValue) < ($1.strength, $1.rawValue) }.map(\.rawValue)
            return finding("conduit '\(conduit.id)' is enforced by '\(conduit.enforcement.rawValue)' across an SL-T difference of \(difference) ('\(zones[0].id)' \(zones[0].slTarget) vs '\(zones[1].id)' \(zones[1].slTarget))",
                           at: conduit.location, subject: "conduit:\(conduit.id)",
                           remediation: names.isEmpty ? remediation : "Enforce it with \(names.joined(separator: ", ")), or state this plant's policy under 'policy: enforcement'.")
        }
    }
}
