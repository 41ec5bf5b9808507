import ZonalAnalysis
import ZonalStore

/// Assessments of stored versions by content hash. Versions are immutable and the analysis is pure, so an entry can
/// never go stale; the cache only saves recomputing the same analysis on every page view.
actor AnalysisCache {
    private var entries: [String: VersionAnalysis.Outcome] = [:]
    private var order: [String] = []
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
}
