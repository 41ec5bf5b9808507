import ZonalModel

/// A conduit the model says a firewall enforces, with no firewall ruleset bound to it to prove what it permits.
public struct UnenforcedConduitCheck: Check {
    public let id = "ZC-FW-07"
    public let title = "Firewall-enforced conduit without a ruleset"
    public let clause = "IEC 62443-3-2 ZCR 3.1; IEC 62443-3-3 SR 5.2 (zone boundary protection)"
    public let rationale = "A conduit enforced by a firewall is only verified when its ruleset is: without one, what the boundary really permits is unknown."
    public let remediation = "Add the firewall under 'firewalls:' with 'config:' naming its ruleset and 'conduits:' listing this conduit."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        let model = context.model
        let bound = Set(model.firewalls.filter { $0.config != nil }.flatMap(\.conduits))
        return model.conduits.compactMap { conduit in
            guard conduit.enforcement == .firewall || conduit.enforcement == .dpiFirewall, !bound.contains(conduit.id) else { return nil }
            let named = model.firewalls.filter { $0.conduits.contains(conduit.id) }.map(\.id)
            let detail = named.isEmpty ? "no firewall of the model lists it" : "firewall \(named.map { "'\($0)'" }.joined(separator: ", ")) lists it but names no 'config'"
            return finding("conduit '\(conduit.id)' is enforced by a \(conduit.enforcement.rawValue) but \(detail), so its ruleset is not verified",
                           at: conduit.location, subject: "conduit:\(conduit.id)")
        }
    }
}
