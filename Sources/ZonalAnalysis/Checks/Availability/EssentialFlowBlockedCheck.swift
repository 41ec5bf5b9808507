import ZonalModel

/// An essential flow must be permitted end to end by the design; a design that blocks it would stop the process.
public struct EssentialFlowBlockedCheck: Check {
    public let id = "ZC-AV-01"
    public let title = "Essential flow blocked by the design"
    public let clause = "IEC 62443-3-3 FR 7 (resource availability); IEC 62443-3-2 ZCR 3.1"
    public let rationale = "Security controls must not disrupt essential functions: a blocked historian replication, SIS status or time sync is an outage caused by the security design."
    public let remediation = "Allow the flow on the conduit between its zones (or declare that conduit), in the flow's direction."
    public let severity = Severity.critical
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        // By position: the guard reads fields in place, and only the routes that may make a finding are copied.
        context.routes.indices.compactMap { i in
            guard context.routes[i].flow.essential else { return nil }
            switch context.routes[i].verdict {
            case .noConduit, .notPermitted, .unplaced: break
            default: return nil
            }
            let route = context.routes[i]
            let flow = route.flow
            switch route.verdict {
            case .noConduit:
                return finding("essential flow '\(flow.id)' from '\(flow.from)' to '\(flow.to)' crosses from zone '\(route.fromZone ?? "?")' to '\(route.toZone ?? "?")' where no conduit exists",
                               at: flow.location, subject: "flow:\(flow.id)",
                               remediation: "Declare a conduit 'zones: [\(route.fromZone ?? "?"), \(route.toZone ?? "?")]' that allows '\(flow.id)'.")
            case .notPermitted(let conduits):
                return finding("essential flow '\(flow.id)' from '\(flow.from)' to '\(flow.to)' is not permitted by conduit \(conduits.map { "'\($0)'" }.joined(separator: ", "))",
                               at: flow.location, subject: "flow:\(flow.id)",
                               remediation: "Add '\(flow.id)' to 'allows' of conduit '\(conduits[0])'.")
            case .unplaced:
                return finding("essential flow '\(flow.id)' has an endpoint in no zone, so no conduit can carry it",
                               at: flow.location, subject: "flow:\(flow.id)", severity: .high,
                               remediation: "Place the flow's assets in zones.")
            default:
                return nil
            }
        }
    }
}
