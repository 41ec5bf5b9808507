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
    let remedyText: RemedyText?

    init(requirements: [Requirement], index: Int, required: Bool, satisfiedBy: [Satisfaction], remedy: RemedyText?) {
        shared = SharedElement(requirements, index)
        self.required = required
        self.satisfiedBy = satisfiedBy
        remedyText = remedy
    }

    @inlinable public var requirement: Requirement { shared.value }
    public var met: Bool { !satisfiedBy.isEmpty }
    /// What would meet it, when nothing does.
    public var remedy: String? { remedyText?.text }
}

/// A remedy as the evaluator words it, kept in parts and joined when read.
///
/// A conduit's remedy is a text shared by every conduit with the same enforcement, then the conduit's id: a large plant
/// has hundreds of thousands of unmet conduit statuses, and joining each when it is made would allocate a string for
/// every one, most of which no report reads.
enum RemedyText: Hashable, Sendable {
    case text(String)
    /// `prefix`, the conduit id, then a closing quote.
    case conduit(prefix: String, id: String)

    var text: String {
        var text = ""
        append(to: &text)
        return text
    }

    /// Appends the text to `line` without building it first.
    func append(to line: inout String) {
        switch self {
        case .text(let text): line += text
        case .conduit(let prefix, let id): line += prefix; line += id; line += "'"
        }
    }

    var utf8Count: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .conduit(let prefix, let id): prefix.utf8.count + id.utf8.count + 1
        }
    }

    // Equal as the texts they stand for, however they are kept.
    static func == (a: RemedyText, b: RemedyText) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
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
