import IEC62443
import ZonalModel

/// The SL-T a zone or conduit needs according to the threat scenarios (IEC 62443-3-2 ZCR 5.6), per FR with its trace, beside the declared one.
public struct DerivedTarget: Hashable, Sendable {
    public let kind: TargetAssessment.Kind
    public let id: String
    public let derived: SLVector
    /// The SL-T the model declares (for a conduit without one: the per-FR maximum of its zones, as the requirement analysis uses).
    public let declared: SLVector
    /// True when the model states the SL-T itself (always for zones).
    public let declaredExplicitly: Bool
    /// Per FR, what set the derived level.
    public let trace: [FRTrace]
    public let location: SourceLocation

    /// The scenarios and matrix cells that set the level of one FR; empty `setBy` when no intolerable scenario touches it.
    public struct FRTrace: Hashable, Sendable {
        public let fr: FoundationalRequirement
        public let level: SecurityLevel
        public let setBy: [Setter]
        /// For a conduit: the zone whose derived level it inherits, when that is what sets it.
        public let inheritedFrom: String?
    }

    /// One scenario that sets a level, with the cell that made it intolerable.
    public struct Setter: Hashable, Sendable {
        public let scenario: String
        public let attacker: AttackerProfile
        public let cell: RiskCell
    }

    /// FRs where the declared SL-T is below the derived one, with (declared, derived).
    public var below: [FoundationalRequirement] { FoundationalRequirement.allCases.filter { declared[$0] < derived[$0] } }
    /// FRs where the declared SL-T is above the derived one.
    public var above: [FoundationalRequirement] { FoundationalRequirement.allCases.filter { declared[$0] > derived[$0] } }
}
