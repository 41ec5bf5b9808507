import IEC62443
import ZonalModel

/// Compares two models and their assessments into a `ModelDiff`. Pure: objects are matched by id, never by position,
/// and findings by check, subject and message, never by line, so moving text around in the file is no change.
public enum ModelDiffer {
    public static func diff(old: Assessment, new: Assessment) -> ModelDiff {
        let (a, b) = (old.model, new.model)
        var objects: [ModelDiff.ObjectChange] = []
        objects += compare(.zone, a.zones, b.zones, id: \.id, location: \.location, fields: ObjectFields.zone)
        objects += compare(.asset, a.assets, b.assets, id: \.id, location: \.location, fields: ObjectFields.asset)
        objects += compare(.conduit, a.conduits, b.conduits, id: \.id, location: \.location, fields: ObjectFields.conduit)
        objects += compare(.flow, a.flows, b.flows, id: \.id, location: \.location, fields: ObjectFields.flow)
        objects += compare(.countermeasure, a.countermeasures, b.countermeasures, id: \.id, location: \.location, fields: ObjectFields.countermeasure)

        let targets = levelChanges(old.zones + old.conduits, new.zones + new.conduits, \.slTarget)
        let achieved = levelChanges(old.zones, new.zones, \.slAchieved)

        let oldKeys = Set(old.findings.map(FindingKey.init)), newKeys = Set(new.findings.map(FindingKey.init))
        return ModelDiff(oldFile: a.file, newFile: b.file, objects: objects, targetChanges: targets, achievedChanges: achieved,
                         introduced: new.findings.filter { !oldKeys.contains(FindingKey($0)) },
                         resolved: old.findings.filter { !newKeys.contains(FindingKey($0)) })
    }

    /// A finding's identity across versions: its location is left out because editing elsewhere in the file moves it.
    private struct FindingKey: Hashable {
        let check: String, subject: String, message: String
        init(_ f: Finding) { (check, subject, message) = (f.check, f.subject, f.message) }
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
