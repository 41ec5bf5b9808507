import ZonalModel

/// A conduit must achieve its SL-T for the requirements that concern communication across the boundary.
public struct ConduitSecurityLevelGapCheck: Check {
    public let id = "ZC-SL-02"
    public let title = "Conduit does not achieve its SL-T"
    public let clause = "IEC 62443-3-3 SR 1.13, 2.6, 3.1, 4.1, 4.3, 5.1, 5.2, 5.3, 7.1; IEC 62443-3-2 ZCR 5.12"
    public let rationale = "The conduit carries the zones' traffic across their boundary; the boundary requirements its SL-T asks for (segmentation, boundary protection, integrity and confidentiality in transit) must be met by its enforcement or by countermeasures."
    public let remediation = "Strengthen the conduit's enforcement or add countermeasures for the unmet requirements listed."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.conduitAssessments.compactMap { SecurityLevelGap.finding(for: $0, check: self) }
    }
}
