import IEC62443
import ZonalModel

/// Compares two models and their assessments into a `ModelDiff`. Pure: objects are matched by id, never by position,
/// and findings by check, subject and message, never by line, so moving text around in the file is no change.
public enum ModelDiffer {
    public static func diff(old: Assessment, new: Assessment) -> ModelDiff {
        let (a, b) = (old.model, new.model)
        var objects: [ModelDiff.ObjectChange] = []
        // The single sections compare like objects whose id is their key; they have no one line, so they point at the file's top.
        let sections: (SystemModel) -> [(id: String, fields: [(String, String)], location: SourceLocation)] = { m in
            [("system", ObjectFields.system(m.system), .init(file: m.file, line: 1, column: 1)),
             ("environment", m.environment.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, .init(file: m.file, line: 1, column: 1)),
             ("policy", ObjectFields.policy(m.policy), .init(file: m.file, line: 1, column: 1))]
        }
        objects += compare(.section, sections(a), sections(b), id: \.id, location: \.location, fields: \.fields)
        objects += compare(.zone, a.zones, b.zones, id: \.id, location: \.location, fields: ObjectFields.zone)
        objects += compare(.asset, a.assets, b.assets, id: \.id, location: \.location, fields: ObjectFields.asset)
        objects += compare(.conduit, a.conduits, b.conduits, id: \.id, location: \.location, fields: ObjectFields.conduit)
        objects += compare(.flow, a.flows, b.flows, id: \.id, location: \.location, fields: ObjectFields.flow)
        objects += compare(.countermeasure, a.countermeasures, b.countermeasures, id: \.id, location: \.location, fields: ObjectFields.countermeasure)

        let targets = levelChanges(old.zones + old.conduits, new.zones + new.conduits, \.slTarget)
        let achieved = levelChanges(old.zones, new.zones, \.slAchieved)

        let findings = matchFindings(old.findings, new.findings)
        return ModelDiff(oldFile: a.file, newFile: b.file, objects: objects, targetChanges: targets, achievedChanges: achieved,
                         introduced: findings.introduced, resolved: findings.resolved, changedFindings: findings.changed,
                         requirementChanges: requirementChanges(old.zones + old.conduits, new.zones + new.conduits))
    }

    /// For targets in both versions: required requirements now unmet that were met or not required, and the reverse.
    private static func requirementChanges(_ old: [TargetAssessment], _ new: [TargetAssessment]) -> [ModelDiff.RequirementChange] {
        let oldByKey = Dictionary(old.map { ("\($0.kind.rawValue):\($0.id)", $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelDiff.RequirementChange] = []
        for target in new {
            guard let before = oldByKey["\(target.kind.rawValue):\(target.id)"] else { continue }
            // "Unmet" counts only where required: a requirement that leaves scope is no longer a gap.
            let unmetBefore = Set(before.unmet.map(\.requirement.id)), unmetNow = Set(target.unmet.map(\.requirement.id))
            for status in target.statuses {
                let id = status.requirement.id
                if unmetNow.contains(id) && !unmetBefore.contains(id) {
                    changes.append(.init(target: target.id, targetKind: target.kind, requirement: id, nowMet: false))
                } else if unmetBefore.contains(id) && !unmetNow.contains(id) {
                    changes.append(.init(target: target.id, targetKind: target.kind, requirement: id, nowMet: true))
                }
            }
        }
        return changes
    }

    /// Pairs findings across versions by check and subject, never by line (editing elsewhere in the file moves them).
    /// One finding per check and subject on each side is the same finding, changed if its message or severity differs
    /// (a gap that grew stays one finding); where a check reports a subject several times, the message tells them apart.
    private static func matchFindings(_ old: [Finding], _ new: [Finding]) -> (introduced: [Finding], resolved: [Finding], changed: [ModelDiff.FindingChange]) {
        struct Key: Hashable { let check: String, subject: String }
        let oldByKey = Dictionary(grouping: old) { Key(check: $0.check, subject: $0.subject) }
        let newByKey = Dictionary(grouping: new) { Key(check: $0.check, subject: $0.subject) }
        var introduced: Set<Finding> = [], resolved: Set<Finding> = [], changed: [Finding: Finding] = [:]
        for (key, after) in newByKey {
            let before = oldByKey[key] ?? []
            if before.count == 1, after.count == 1 {
                if before[0].message != after[0].message || before[0].severity != after[0].severity { changed[after[0]] = before[0] }
                continue
            }
            let oldMessages = Set(before.map(\.message)), newMessages = Set(after.map(\.message))
            introduced.formUnion(after.filter { !oldMessages.contains($0.message) })
            resolved.formUnion(before.filter { !newMessages.contains($0.message) })
        }
        for (key, before) in oldByKey where newByKey[key] == nil { resolved.formUnion(before) }
        return (new.filter(introduced.contains), old.filter(resolved.contains),
                new.compactMap { f in changed[f].map { ModelDiff.FindingChange(old: $0, new: f) } })
    }

    private static func compare<T>(_ kind: ModelDiff.ObjectKind, _ old: [T], _ new: [T], id: (T) -> String, location: (T) -> SourceLocation,
                                   fields: (T) -> [(String, String)]) -> [ModelDiff.ObjectChange] {
        let oldByID = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(id))
        var added: [ModelDiff.ObjectChange] = [], removed: [ModelDiff.ObjectChange] = [], changed: [ModelDiff.ObjectChange] = []
        for object in new {
            guard let before = oldByID[id(object)] else {
                added.append(.init(kind: kind, id: id(object), change: .added, fields: [], location: location(object)))
                continue
            }
            let fieldChanges = compareFields(fields(before), fields(object))
            if !fieldChanges.isEmpty {
                changed.append(.init(kind: kind, id: id(object), change: .changed, fields: fieldChanges, location: location(object)))
            }
        }
        for object in old where !newIDs.contains(id(object)) {
            removed.append(.init(kind: kind, id: id(object), change: .removed, fields: [], location: location(object)))
        }
        return (added + removed + changed).sorted { ($0.change.order, $0.id) < ($1.change.order, $1.id) }
    }

    /// Field lists are in a fixed order per kind, so the changes come out in that order.
    private static func compareFields(_ old: [(String, String)], _ new: [(String, String)]) -> [ModelDiff.FieldChange] {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var order: [String] = new.map(\.0)
        for (name, _) in old where after[name] == nil { order.append(name) }
        return order.compactMap { name in
            before[name] == after[name] ? nil : ModelDiff.FieldChange(field: name, old: before[name], new: after[name])
        }
    }

    private static func levelChanges(_ old: [TargetAssessment], _ new: [TargetAssessment], _ vector: KeyPath<TargetAssessment, SLVector>) -> [ModelDiff.LevelChange] {
        let oldByKey = Dictionary(old.map { ("\($0.kind.rawValue):\($0.id)", $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelDiff.LevelChange] = []
        for target in new {
            guard let before = oldByKey["\(target.kind.rawValue):\(target.id)"] else { continue }
            for fr in FoundationalRequirement.allCases where before[keyPath: vector][fr] != target[keyPath: vector][fr] {
                changes.append(.init(target: target.id, targetKind: target.kind, fr: fr, old: before[keyPath: vector][fr].rawValue,
                                     new: target[keyPath: vector][fr].rawValue))
            }
        }
        return changes
    }
}

extension ModelDiff.ObjectChange.Change {
    fileprivate var order: Int {
        switch self {
        case .added: 0
        case .removed: 1
        case .changed: 2
        }
    }
}
