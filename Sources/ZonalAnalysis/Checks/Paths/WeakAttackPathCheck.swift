import ZonalModel

/// The least protected path from an enterprise or external zone into a control or safety zone must hold a barrier adequate for the SL-T step.
public struct WeakAttackPathCheck: Check {
    public let id = "ZC-AP-01"
    public let title = "Weakly protected attack path into a control or safety zone"
    public let clause = "IEC 62443-3-2 ZCR 5.1, 5.2; IEC 62443-3-3 SR 5.1, SR 5.2"
    public let rationale = "An attacker takes the easiest way in; if even the strongest barrier on that way is below what the SL-T step from entry to target calls for, the zoning does not protect the target."
    public let remediation = "Strengthen a conduit on the path to an enforcement type adequate for the step (see ZC-CD-06), or remove the path."
    public let severity = Severity.high
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.attackPaths.compactMap { path in
            guard let entry = context.model.zone(path.entry), let target = context.model.zone(path.target) else { return nil }
            let difference = context.levelDifference(entry, target)
            let accepted = context.model.policy.accepted(forDifference: difference)
            let needed = accepted.map(\.strength).min() ?? 0
            guard path.protection < needed else { return nil }
            let weakest = path.weakLink.map { "weak link: '\($0.conduit)' (\($0.enforcement.rawValue))" } ?? ""
            let names = accepted.sorted { ($0.strength, $0.rawValue) < ($1.strength, $1.rawValue) }.map(\.rawValue)
            return finding("an attacker in '\(entry.id)' reaches '\(target.id)' in \(path.hops.count) hop(s) with nothing stronger than '\(path.barrier?.enforcement.rawValue ?? "none")' in the way: \(path.description)",
                           at: target.location, subject: "zone:\(target.id)",
                           remediation: "Enforce at least one conduit on the path with \(names.joined(separator: ", ")) (\(weakest)).",
                           evidence: path.hops.map { "\($0.from) → \($0.to) via '\($0.conduit)' (\($0.enforcement.rawValue))" })
        }
    }
}
