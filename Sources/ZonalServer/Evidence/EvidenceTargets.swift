import IEC62443
import ZonalAnalysis
import ZonalStore

/// The parts of an assessed model version that evidence can be attached to: its zones, its conduits, the requirements
/// its SL-Ts require, and its findings. Uploads naming anything else are refused, so evidence never points at nothing.
struct EvidenceTargets: Sendable {
    let zones: [EvidenceTarget]
    let conduits: [EvidenceTarget]
    let requirements: [EvidenceTarget]
    let findings: [EvidenceTarget]

    init(_ assessment: Assessment) {
        zones = assessment.zones.map { EvidenceTarget(kind: .zone, id: $0.id) }
        conduits = assessment.conduits.map { EvidenceTarget(kind: .conduit, id: $0.id) }
        var seen: Set<String> = []
        requirements = (assessment.zones + assessment.conduits).flatMap(\.required).compactMap { status in
            seen.insert(status.requirement.id).inserted ? EvidenceTarget(kind: .requirement, id: status.requirement.id) : nil
        }
        var seenFindings: Set<EvidenceTarget> = []
        findings = assessment.findings.compactMap { finding in
            let target = EvidenceTarget(kind: .finding, id: finding.check, subject: finding.subject)
            return seenFindings.insert(target).inserted ? target : nil
        }
    }

    var all: [EvidenceTarget] { zones + conduits + requirements + findings }

    /// The target as stored: requirement ids in the catalog's spelling. Any SR or CR of the catalog is accepted (a
    /// component requirement need not be one the SL-T derives); zones, conduits and findings must be in this version.
    func resolve(_ target: EvidenceTarget) throws(APIError) -> EvidenceTarget {
        switch target.kind {
        case .requirement:
            guard let requirement = Catalog.bundled.requirement(target.id),
                  [.systemRequirements, .componentRequirements].contains(requirement.standard)
            else { throw APIError.badRequest("'\(target.id)' is not an IEC 62443-3-3 SR or IEC 62443-4-2 CR id (for example SR 1.1 RE 2)") }
            return EvidenceTarget(kind: .requirement, id: requirement.id)
        case .zone, .conduit, .finding:
            guard all.contains(target) else {
                throw APIError.badRequest("this version has no \(target.description); choose one of its zones, conduits, required SRs or findings")
            }
            return target
        }
    }
}
