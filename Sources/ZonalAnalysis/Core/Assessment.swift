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
    /// The risk register and SL-T derivation; nil when the model states no threat scenarios or risk criteria.
    public let risk: RiskAssessment?

    /// Number of findings per severity.
    public var counts: [Severity: Int] {
        findings.severityCounts
    }

    /// This assessment with the findings of other inputs (captures, firewall rulesets) merged in report order,
    /// so one report shows them beside the model's own.
    public func including(_ more: [Finding]) -> Assessment {
        guard !more.isEmpty else { return self }
        return Assessment(model: model, findings: (findings + more).sorted(by: Finding.reportOrder), zones: zones, conduits: conduits,
                          attackPaths: attackPaths, routes: routes, risk: risk)
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
        // Checks are independent pure functions of the context: run them side by side.
        var parts = checks.map { CheckBox(check: $0) }.parallelMap(minimumChunk: 1) { $0.check.evaluate(context) }
        // Moved out of the per-check lists and sorted in place: `flatMap` and `sorted` would each copy every finding,
        // retaining each of its strings, and a large plant has tens of thousands of findings. (The buffer's `reverse`
        // swaps bytes; the array's swaps through copies.)
        var findings: [Finding] = []
        findings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for i in parts.indices.reversed() { while let finding = parts[i].popLast() { findings.append(finding) } }
        findings.withUnsafeMutableBufferPointer { $0.reverse() }
        findings.sort(by: Finding.reportOrder)
        return Assessment(model: model, findings: findings, zones: context.zoneAssessments, conduits: context.conduitAssessments,
                          attackPaths: context.attackPaths, routes: context.routes, risk: context.risk)
    }
}

/// Carries an existential check into the parallel map.
private struct CheckBox: Sendable {
    let check: any Check
}
