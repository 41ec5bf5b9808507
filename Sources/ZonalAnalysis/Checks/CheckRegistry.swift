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

    /// The check with this id.
    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }
}
