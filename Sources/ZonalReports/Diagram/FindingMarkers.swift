import ZonalAnalysis
import ZonalModel

/// The findings each zone and conduit carries on the diagram: a finding about an asset counts on the asset's zone,
/// a finding about a flow on the zone that opens it.
struct FindingMarkers {
    private(set) var byZone: [String: [Finding]] = [:]
    private(set) var byConduit: [String: [Finding]] = [:]

    init(_ assessment: Assessment) {
        let model = assessment.model
        for finding in assessment.findings {
            let parts = finding.subject.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "zone": byZone[parts[1], default: []].append(finding)
            case "conduit": byConduit[parts[1], default: []].append(finding)
            case "asset": if let zone = model.asset(parts[1])?.zone { byZone[zone, default: []].append(finding) }
            case "flow": if let flow = model.flow(parts[1]), let zone = model.zoneID(ofEndpoint: flow.from) { byZone[zone, default: []].append(finding) }
            default: continue
            }
        }
    }

    /// "3 findings (worst: high)" and the worst severity, or nil when none.
    static func summary(_ findings: [Finding]) -> (count: Int, worst: Severity)? {
        guard let worst = findings.map(\.severity).max() else { return nil }
        return (findings.count, worst)
    }
}
