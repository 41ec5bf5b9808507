import ZonalAnalysis
import ZonalStore

/// Assessments of stored versions, and what is rendered from them, by content hash. Versions are immutable and the
/// analysis and its renderers are pure, so an entry can never go stale; the cache only saves recomputing the same
/// analysis and the same findings table on every view.
actor AnalysisCache {
    private var entries: [String: VersionAnalysis.Outcome] = [:]
    private var renderings: [String: String] = [:]
    private var order: [String] = []
    private var renderingOrder: [String] = []
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func outcome(of version: ModelVersion) -> VersionAnalysis.Outcome {
        if let cached = entries[version.contentHash] { return cached }
        let outcome = VersionAnalysis.assess(version)
        entries[version.contentHash] = outcome
        order.append(version.contentHash)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return outcome
    }

    /// `render` applied to the version's outcome, computed once per content hash and `kind` (a name for the renderer).
    func rendered(_ version: ModelVersion, as kind: String, _ render: (VersionAnalysis.Outcome) -> String) -> String {
        text(version, as: kind) { render(outcome(of: $0)) }
    }

    /// `render` applied to the version itself (its content escaped for a form, say), once per content hash and `kind`.
    func text(_ version: ModelVersion, as kind: String, _ render: (ModelVersion) -> String) -> String {
        let key = kind + " " + version.contentHash
        if let cached = renderings[key] { return cached }
        let text = render(version)
        renderings[key] = text
        renderingOrder.append(key)
        if renderingOrder.count > 4 * capacity { renderings[renderingOrder.removeFirst()] = nil }
        return text
    }
}
