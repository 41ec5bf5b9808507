import ZonalModel

/// The result of analysing a model: findings, requirement assessments per zone and conduit, and attack paths.
/// Every output format renders this one value.
public struct Assessment: Sendable {
    public let model: SystemModel
    /// Sorted by location, then check id.
    public let findings: [Finding]
    public let zones: [TargetAssessment]
    public let conduits: [TargetAssessment]
    public let attackPaths: [AttackPath]
    public let routes: [FlowRoute]

    /// Number of findings per severity.
    public var counts: [Severity: Int] {
        Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
    }

    /// True when some finding is at or above `severity`.
    public func hasFindings(atOrAbove severity: Severity) -> Bool {
        findings.contains { $0.severity >= severity }
    }
}

/// Runs every check on a model. The CLI and the server call this and nothing else to analyse.
public enum Analyzer {
    public static func assess(_ model: SystemModel, checks: [any Check] = CheckRegistry.all) -> Assessment {
        let context = AnalysisContext(model: model)
        let findings = checks.flatMap { $0.evaluate(context) }.sorted(by: Finding.reportOrder)
        return Assessment(model: model, findings: findings, zones: context.zoneAssessments, conduits: context.conduitAssessments,
                          attackPaths: context.attackPaths, routes: context.routes)
    }
}
