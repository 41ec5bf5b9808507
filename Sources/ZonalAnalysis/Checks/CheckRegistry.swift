/// Every check Zonal runs, in the order of the rule reference (docs/rules.md).
public enum CheckRegistry {
    public static let all: [any Check] = [
        AssetOutsideZoneCheck(),
        BusinessIACSSeparationCheck(),
        SafetyZoneSeparationCheck(),
        TransientDeviceSeparationCheck(),
        WirelessDeviceSeparationCheck(),
        ExternalDeviceSeparationCheck(),
        FlowWithoutConduitCheck(),
        FlowNotPermittedCheck(),
        OneWayConduitDirectionCheck(),
        DMZBypassCheck(),
        ConduitTargetBelowZonesCheck(),
        EnforcementAdequacyCheck(),
        UnneededConduitRuleCheck(),
        ZoneSecurityLevelGapCheck(),
        ConduitSecurityLevelGapCheck(),
        UnknownComponentCapabilityCheck(),
        EssentialFlowBlockedCheck(),
        EssentialFlowAgainstDirectionCheck(),
        WeakAttackPathCheck(),
        DeclaredTargetBelowDerivedCheck(),
        ResidualRiskIntolerableCheck(),
        DeclaredTargetAboveDerivedCheck(),
    ]

    /// The checks of a firewall ruleset against the model (`zonal firewall`), run by `FirewallConformance`.
    public static let firewall: [any FirewallCheck] = [
        OverPermissiveRuleCheck(),
        UnneededPermissionCheck(),
        FlowBlockedByFirewallCheck(),
        OneWayConduitBreachCheck(),
        ShadowedRuleCheck(),
        RedundantRuleCheck(),
        UnmodelledConstructCheck(),
    ]

    /// Model checks about firewalls, run by `zonal firewall` (not by `zonal check`, so a model without rulesets is not flagged there).
    public static let firewallModel: [any Check] = [UnenforcedConduitCheck()]

    /// Every rule of the reference: the model checks, then the traffic checks, then the firewall checks.
    public static var reference: [any RuleDescription] { all + TrafficCheckRegistry.all + firewall + firewallModel }

    /// The check with this id.
    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }

    /// The description of any rule (model or firewall check) with this id.
    public static func description(_ id: String) -> (any RuleDescription)? { descriptions[id] }

    /// The first rule of `reference` with each id, built once: reports ask for one per finding, tens of thousands on a
    /// large plant, and building the reference list and searching it each time was most of writing a report's findings.
    private static let descriptions: [String: any RuleDescription] = {
        var byID: [String: any RuleDescription] = [:]
        for rule in reference where byID[rule.id] == nil { byID[rule.id] = rule }
        return byID
    }()
}
