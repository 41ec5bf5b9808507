import ZonalModel

/// ZCR 3.2: business (IT) assets and IACS assets belong in separate zones.
public struct BusinessIACSSeparationCheck: Check {
    public let id = "ZC-3.2-01"
    public let title = "Business and IACS assets share a zone"
    public let clause = "IEC 62443-3-2 ZCR 3.2"
    public let rationale = "Business systems face e-mail, the web and many users; in the same zone as control assets, any compromise of them lands inside the control system's boundary."
    public let remediation = "Move the business assets to an enterprise zone (or the IACS assets to an IACS zone) and join the zones through a conduit."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        var findings: [Finding] = []
        for (z, positions) in context.assetPositionsByZone.enumerated() {
            let kind = context.model.zones[z].kind
            let hasBusiness = positions.contains { context.assetTraits[$0].contains(.business) }
            let hasIACS = positions.contains { context.assetTraits[$0].contains(.iacs) }
            // Nothing to report unless business assets meet IACS assets or sit on the wrong side.
            guard (hasBusiness && (hasIACS || kind.isIACS)) || (hasIACS && kind.isBusiness) else { continue }
            let zone = context.model.zones[z]
            let business = context.assets(inZoneAt: z) { $0.contains(.business) }, iacs = context.assets(inZoneAt: z) { $0.contains(.iacs) }
            if !business.isEmpty && !iacs.isEmpty {
                findings.append(finding(
                    "zone '\(zone.id)' holds business assets (\(ZoneSeparation.list(business))) together with IACS assets (\(ZoneSeparation.list(iacs)))",
                    at: zone.location, subject: "zone:\(zone.id)"))
            } else if !business.isEmpty && zone.kind.isIACS {
                findings.append(finding("business assets (\(ZoneSeparation.list(business))) are in the \(zone.kind.rawValue) zone '\(zone.id)'",
                                        at: business[0].location, subject: "zone:\(zone.id)"))
            } else if !iacs.isEmpty && zone.kind.isBusiness {
                findings.append(finding("IACS assets (\(ZoneSeparation.list(iacs))) are in the \(zone.kind.rawValue) zone '\(zone.id)'",
                                        at: iacs[0].location, subject: "zone:\(zone.id)",
                                        remediation: "Move them into an IACS zone (control, supervisory or DMZ) behind a conduit."))
            }
        }
        return findings
    }
}
