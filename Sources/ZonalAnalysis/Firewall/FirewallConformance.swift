import ZonalFirewall
import ZonalModel

/// One firewall's ruleset held against the model: its context (zone matrix, reach) and its findings.
public struct FirewallResult: Sendable {
    public let binding: FirewallBinding
    public let context: FirewallContext
    public let findings: [Finding]
}

/// The result of `zonal firewall`: every firewall's result and all findings, worst first.
public struct FirewallAssessment: Sendable {
    public let model: SystemModel
    public let firewalls: [FirewallResult]
    /// Worst first, then by place.
    public let findings: [Finding]

    public var counts: [Severity: Int] { findings.severityCounts }

    public func hasFindings(atOrAbove severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }
}

/// A ruleset that cannot be evaluated (a jump to a missing chain, a loop), named by its file.
public struct FirewallEvaluationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let error: RulesetEvaluator.EvaluationError
    public var description: String { "\(file): \(error)" }
}

/// Holds each firewall's ruleset against the model. Pure: the same model and rulesets give the same assessment.
public enum FirewallConformance {
    public static func assess(_ model: SystemModel, firewalls: [(binding: FirewallBinding, ruleset: Ruleset)],
                              checks: [any FirewallCheck] = CheckRegistry.firewall,
                              modelChecks: [any Check] = CheckRegistry.firewallModel) throws(FirewallEvaluationError) -> FirewallAssessment {
        var results: [FirewallResult] = []
        for (binding, ruleset) in firewalls {
            let context: FirewallContext
            do {
                context = try FirewallContext(model: model, binding: binding, ruleset: ruleset)
            } catch {
                throw FirewallEvaluationError(file: ruleset.file, error: error)
            }
            let findings = checks.flatMap { $0.evaluate(context) }.sorted(by: worstFirst)
            results.append(FirewallResult(binding: binding, context: context, findings: findings))
        }
        let analysis = AnalysisContext(model: model)
        let all = (modelChecks.flatMap { $0.evaluate(analysis) } + results.flatMap(\.findings)).sorted(by: worstFirst)
        return FirewallAssessment(model: model, firewalls: results, findings: all)
    }

    /// Severity first (worst on top), then the report order of `Finding`.
    public static func worstFirst(_ a: Finding, _ b: Finding) -> Bool {
        a.severity != b.severity ? a.severity > b.severity : Finding.reportOrder(a, b)
    }
}
