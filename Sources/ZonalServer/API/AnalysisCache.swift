import ZonalAnalysis
import ZonalStore

/// Assessments of stored versions, and what is rendered from them, by content hash. Versions are immutable and the
/// analysis and its renderers are pure, so an entry can never go stale; the cache only saves recomputing the same
/// analysis and the same findings table on every view.
actor AnalysisCache {
    /// A table that forgets its oldest entry beyond `capacity` (a bound on memory; any entry is always right).
    private struct Bounded<Value> {
        var entries: [String: Value] = [:]
        var order: [String] = []
        let capacity: Int

        mutating func value(_ key: String, orMake make: () -> Value) -> Value {
            if let cached = entries[key] { return cached }
            let value = make()
            entries[key] = value
            order.append(key)
            if order.count > capacity { entries[order.removeFirst()] = nil }
            return value
        }
    }

    private var outcomes: Bounded<VersionAnalysis.Outcome>
    private var renderings: Bounded<String>

    init(capacity: Int = 64) {
        outcomes = Bounded(capacity: capacity)
        renderings = Bounded(capacity: 4 * capacity)
    }

    func outcome(of version: ModelVersion) -> VersionAnalysis.Outcome {
        outcomes.value(version.contentHash) { VersionAnalysis.assess(version) }
    }

    /// `render` applied to the version's outcome, computed once per content hash and `kind` (a name for the renderer).
    func rendered(_ version: ModelVersion, as kind: String, _ render: (VersionAnalysis.Outcome) -> String) -> String {
        text(version, as: kind) { render(outcome(of: $0)) }
    }

    /// `render` applied to the version itself (its content escaped for a form, say), once per content hash and `kind`.
    func text(_ version: ModelVersion, as kind: String, _ render: (ModelVersion) -> String) -> String {
        renderings.value(kind + " " + version.contentHash) { render(version) }
    }
}
