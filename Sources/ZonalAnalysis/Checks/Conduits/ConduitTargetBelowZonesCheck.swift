import IEC62443
import ZonalModel

/// A conduit's stated SL-T must be at least the SL-T of the zones whose boundary it protects.
public struct ConduitTargetBelowZonesCheck: Check {
    public let id = "ZC-CD-05"
    public let title = "Conduit SL-T below the zones it joins"
    public let clause = "IEC 62443-3-2 ZCR 5.6; IEC 62443-3-3 clause 4.3"
    public let rationale = "The conduit is the boundary of both zones; a weaker target for it lowers the effective target of the more demanding zone."
    public let remediation = "Raise the conduit's sl-target to at least the per-FR maximum of its zones, or omit it to inherit that maximum."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        return model.conduits.indices.compactMap { c in
            guard let stated = model.conduits[c].slTarget, let (a, b) = model.zonePositions(ofConduitAt: c) else { return nil }
            let zones = model.zones[a].slTarget.union(model.zones[b].slTarget)
            let short = stated.shortfall(against: zones)
            guard !short.isEmpty else { return nil }
            let conduit = model.conduits[c]
            let frs = short.keys.sorted().map { "\($0.abbreviation) \(stated[$0].rawValue) < \(zones[$0].rawValue)" }.joined(separator: ", ")
            return finding("conduit '\(conduit.id)' has SL-T \(stated) below its zones' \(zones) (\(frs))",
                           at: conduit.location, subject: "conduit:\(conduit.id)",
                           remediation: "Set 'sl-target: \(zones)' on conduit '\(conduit.id)' or remove it to inherit the zones' levels.")
        }
    }
}
