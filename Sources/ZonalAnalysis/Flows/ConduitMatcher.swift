import ZonalModel

/// Decides whether a conduit's `allows` list covers a flow: by naming it, or by an inline rule whose endpoints,
/// protocol, port and functions include the flow's. A conduit with enforcement `none` filters nothing, so it permits every flow.
public enum ConduitMatcher {
    public static func permits(_ conduit: Conduit, flow: Flow, model: SystemModel) -> Bool {
        conduit.enforcement == .none || conduit.allows.contains { rule in
            switch rule {
            case .flow(let id, _): id == flow.id
            case .rule(let r): covers(r, flow: flow, model: model)
            }
        }
    }

    /// True when the inline rule includes everything the flow does.
    public static func covers(_ rule: InlineRule, flow: Flow, model: SystemModel) -> Bool {
        endpoint(rule.from, includes: flow.from, model: model)
            && endpoint(rule.to, includes: flow.to, model: model)
            && (rule.protocol == nil || rule.protocol == flow.protocol)
            && (rule.port == nil || rule.port == flow.port)
            && (rule.transport == nil || rule.transport == .any || rule.transport == flow.transport || flow.transport == nil)
            && (rule.functions.isEmpty || ProtocolFunctions.expand(flow.functions, protocol: flow.protocol)
                .isSubset(of: ProtocolFunctions.expand(rule.functions, protocol: rule.protocol ?? flow.protocol)))
            && !(flow.functions.isEmpty && !rule.functions.isEmpty)
    }

    /// A rule endpoint naming a zone includes every asset in it; naming an asset includes only that asset.
    static func endpoint(_ ruleEnd: String, includes flowEnd: String, model: SystemModel) -> Bool {
        if ruleEnd == flowEnd { return true }
        return model.zone(ruleEnd) != nil && model.zoneID(ofEndpoint: flowEnd) == ruleEnd
    }
}
