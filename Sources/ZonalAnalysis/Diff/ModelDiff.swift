import IEC62443
import ZonalModel

/// What changed between two versions of a model and what the change does to the assessment: objects added, removed
/// and changed by id, SL-T changes, findings introduced and resolved, and SL-A changes per zone and FR.
public struct ModelDiff: Sendable, Hashable {
    /// The kinds of model object a diff compares, in the order reports list them.
    public enum ObjectKind: String, Sendable, Hashable, CaseIterable {
        /// The model's single sections, by key: `system`, `environment`, `policy`.
        case section
        case zone, asset, conduit, flow, countermeasure
    }

    /// One property of an object whose value differs, as the reports print it.
    public struct FieldChange: Sendable, Hashable {
        public let field: String
        /// nil when the old version does not state the property.
        public let old: String?
        /// nil when the new version does not state the property.
        public let new: String?

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// One object added, removed or changed, by kind and id.
    public struct ObjectChange: Sendable, Hashable {
        public enum Change: String, Sendable, Hashable { case added, removed, changed }
        public let kind: ObjectKind
        public let id: String
        public let change: Change
        /// For `changed`, the properties that differ; empty otherwise.
        public let fields: [FieldChange]
        /// Where the object is in the new model (the old one for `removed`).
        public let location: SourceLocation

        public init(kind: ObjectKind, id: String, change: Change, fields: [FieldChange], location: SourceLocation) {
            self.kind = kind
            self.id = id
            self.change = change
            self.fields = fields
            self.location = location
        }
    }

    /// A zone's or conduit's SL-T, or a zone's SL-A, moving in one FR.
    public struct LevelChange: Sendable, Hashable {
        public let target: String
        public let targetKind: TargetAssessment.Kind
        public let fr: FoundationalRequirement
        public let old: Int
        public let new: Int

        public init(target: String, targetKind: TargetAssessment.Kind, fr: FoundationalRequirement, old: Int, new: Int) {
            self.target = target
            self.targetKind = targetKind
            self.fr = fr
            self.old = old
            self.new = new
        }
    }

    /// The same finding (check and subject) in both versions with a different message or severity, e.g. a gap that grew.
    public struct FindingChange: Sendable, Hashable {
        public let old: Finding
        public let new: Finding

        public init(old: Finding, new: Finding) {
            self.old = old
            self.new = new
        }
    }

    /// A requirement of a zone's or conduit's SL-T that became met or unmet (or came into or out of scope unmet).
    public struct RequirementChange: Sendable, Hashable {
        public let target: String
        public let targetKind: TargetAssessment.Kind
        public let requirement: String
        /// True when it is met now and was not (or was not required); false when it is unmet now and was met (or not required).
        public let nowMet: Bool

        public init(target: String, targetKind: TargetAssessment.Kind, requirement: String, nowMet: Bool) {
            self.target = target
            self.targetKind = targetKind
            self.requirement = requirement
            self.nowMet = nowMet
        }
    }

    public let oldFile: String
    public let newFile: String
    /// Sorted by kind, then change, then id.
    public let objects: [ObjectChange]
    /// SL-T changes per zone or conduit and FR, of targets present in both versions.
    public let targetChanges: [LevelChange]
    /// SL-A changes per zone and FR, of zones present in both versions.
    public let achievedChanges: [LevelChange]
    /// Findings of the new assessment that the old one did not have, in report order.
    public let introduced: [Finding]
    /// Findings of the old assessment that the new one no longer has, in report order.
    public let resolved: [Finding]
    /// Findings in both, about the same subject from the same check, whose message or severity changed; in new report order.
    public let changedFindings: [FindingChange]
    /// Required requirements whose status changed, per zone and conduit present in both versions, in catalog order.
    public let requirementChanges: [RequirementChange]

    public init(oldFile: String, newFile: String, objects: [ObjectChange], targetChanges: [LevelChange], achievedChanges: [LevelChange],
                introduced: [Finding], resolved: [Finding], changedFindings: [FindingChange] = [], requirementChanges: [RequirementChange] = []) {
        self.oldFile = oldFile
        self.newFile = newFile
        self.objects = objects
        self.targetChanges = targetChanges
        self.achievedChanges = achievedChanges
        self.introduced = introduced
        self.resolved = resolved
        self.changedFindings = changedFindings
        self.requirementChanges = requirementChanges
    }

    /// True when neither the model nor its assessment changed.
    public var isEmpty: Bool {
        objects.isEmpty && targetChanges.isEmpty && achievedChanges.isEmpty && introduced.isEmpty && resolved.isEmpty && changedFindings.isEmpty && requirementChanges.isEmpty
    }

    /// The object changes of one kind.
    public func changes(of kind: ObjectKind) -> [ObjectChange] { objects.filter { $0.kind == kind } }

    /// True when the change introduces a finding at or above `severity`, or raises one to it (the `--fail-on-new` gate).
    public func introduces(atOrAbove severity: Severity) -> Bool {
        introduced.contains { $0.severity >= severity } || changedFindings.contains { $0.new.severity >= severity && $0.new.severity > $0.old.severity }
    }
}
