import IEC62443

/// What meets a requirement in a zone or conduit.
public enum Satisfaction: Hashable, Sendable {
    /// Every component of the zone has SL-C at least `level` in the requirement's FR (the weakest decides).
    case components(weakestLevel: Int)
    /// Every conduit guarding the boundary is enforced by a type that meets it.
    case enforcement(conduits: [String])
    /// A countermeasure of the model names the requirement.
    case countermeasure(id: String)
}

/// One requirement as it stands in one zone or conduit: required at SL-T or not, met or not, by what, and what would meet it.
public struct RequirementStatus: Hashable, Sendable {
    // A position in the evaluator's requirement list rather than a copy: see `SharedElement`.
    @usableFromInline let shared: SharedElement<Requirement>
    /// True when the zone's or conduit's SL-T requires it.
    public let required: Bool
    public let satisfiedBy: [Satisfaction]
    /// What would meet it, when nothing does.
    public let remedy: String?

    init(requirements: [Requirement], index: Int, required: Bool, satisfiedBy: [Satisfaction], remedy: String?) {
        shared = SharedElement(requirements, index)
        self.required = required
        self.satisfiedBy = satisfiedBy
        self.remedy = remedy
    }

    @inlinable public var requirement: Requirement { shared.value }
    public var met: Bool { !satisfiedBy.isEmpty }
}

/// The requirement assessment of one zone or conduit: SL-T, SL-A, the gap per FR and every requirement's status.
public struct TargetAssessment: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable { case zone, conduit }

    public let kind: Kind
    public let id: String
    public let name: String
    public let slTarget: SLVector
    /// The highest level per FR at which every requirement of that FR is met.
    public let slAchieved: SLVector
    /// FRs with requirements in scope (all seven for zones; for conduits the FRs of the boundary requirements).
    public let applicableFRs: [FoundationalRequirement]
    /// The statuses of every requirement in scope, in catalog order.
    public let statuses: [RequirementStatus]
    public let location: ZonalModel.SourceLocation

    /// The requirements the SL-T requires.
    public var required: [RequirementStatus] { statuses.filter(\.required) }
    /// Required and unmet.
    public var unmet: [RequirementStatus] { statuses.filter { $0.required && !$0.met } }

    /// The same assessment listing only the statuses that pass `keep` (SL-A is unchanged: it was derived from all of them).
    public func keepingStatuses(where keep: (RequirementStatus) -> Bool) -> TargetAssessment {
        TargetAssessment(kind: kind, id: id, name: name, slTarget: slTarget, slAchieved: slAchieved, applicableFRs: applicableFRs,
                         statuses: statuses.filter(keep), location: location)
    }

    /// SL-T minus SL-A per applicable FR, where positive.
    public var gap: [FoundationalRequirement: Int] {
        slAchieved.shortfall(against: slTarget).filter { applicableFRs.contains($0.key) }
    }
}

import ZonalModel
