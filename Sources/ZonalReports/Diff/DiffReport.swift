import IEC62443
import ZonalAnalysis

/// `zonal diff`: a `ModelDiff` as text, JSON, or Markdown that fits a pull-request comment.
public enum DiffReport {
    struct Document: Encodable {
        struct Object: Encodable {
            let kind: String, id: String, change: String
            let location: ReportValues.Location
            let fields: [Field]
        }
        struct Field: Encodable { let field: String; let old: String?; let new: String? }
        struct Level: Encodable { let kind: String; let id: String; let fr: String; let old: Int; let new: Int }
        let old: String
        let new: String
        let unchanged: Bool
        let objects: [Object]
        let slTargetChanges: [Level]
        let slAchievedChanges: [Level]
        let introduced: [ReportValues.FindingValue]
        let resolved: [ReportValues.FindingValue]
        let changed: [Changed]
        let requirements: [Requirement]
        struct Requirement: Encodable { let kind: String; let id: String; let requirement: String; let status: String }
        struct Changed: Encodable { let old: ReportValues.FindingValue; let new: ReportValues.FindingValue }
    }

    public static func json(_ diff: ModelDiff) -> String {
        func level(_ c: ModelDiff.LevelChange) -> Document.Level {
            .init(kind: c.targetKind.rawValue, id: c.target, fr: c.fr.abbreviation, old: c.old, new: c.new)
        }
        return JSONOutput.encode(Document(
            old: diff.oldFile, new: diff.newFile, unchanged: diff.isEmpty,
            objects: diff.objects.map { o in
                .init(kind: o.kind.rawValue, id: o.id, change: o.change.rawValue, location: .init(o.location),
                      fields: o.fields.map { .init(field: $0.field, old: $0.old, new: $0.new) })
            },
            slTargetChanges: diff.targetChanges.map(level), slAchievedChanges: diff.achievedChanges.map(level),
            introduced: diff.introduced.map(ReportValues.FindingValue.init), resolved: diff.resolved.map(ReportValues.FindingValue.init),
            changed: diff.changedFindings.map { .init(old: .init($0.old), new: .init($0.new)) },
            requirements: diff.requirementChanges.map { .init(kind: $0.targetKind.rawValue, id: $0.target, requirement: $0.requirement, status: $0.nowMet ? "met" : "unmet") }))
    }

    public static func text(_ diff: ModelDiff, style: TextStyle) -> String {
        guard !diff.isEmpty else { return "No change between \(diff.oldFile) and \(diff.newFile).\n" }
        var out = style.bold("\(diff.oldFile) → \(diff.newFile)") + "\n\n"
        if !diff.objects.isEmpty {
            out += style.bold("Model changes") + "\n"
            for o in diff.objects {
                let mark = o.change == .added ? style.green("+") : (o.change == .removed ? style.severity(.high, "-") : style.severity(.medium, "~"))
                out += "  \(mark) \(o.kind.rawValue) \(o.id)  \(style.dim(o.location.description))\n"
                for f in o.fields { out += "      \(f.field): \(f.old ?? "(not stated)") → \(f.new ?? "(not stated)")\n" }
            }
            out += "\n"
        }
        for (title, changes) in [("SL-T changes", diff.targetChanges), ("SL-A changes", diff.achievedChanges)] where !changes.isEmpty {
            out += style.bold(title) + "\n"
            var table = TextTable()
            for c in changes {
                let arrow = c.new > c.old ? style.green("\(c.old) → \(c.new)") : style.severity(.high, "\(c.old) → \(c.new)")
                table.add(["\(c.targetKind.rawValue) \(c.target)", c.fr.abbreviation, arrow])
            }
            out += table.render(indent: "  ") + "\n\n"
        }
        for (title, findings) in [("Findings introduced", diff.introduced), ("Findings resolved", diff.resolved)] where !findings.isEmpty {
            out += style.bold("\(title) (\(findings.count))") + "\n"
            for f in findings {
                out += "  \(style.severity(f.severity, f.severity.rawValue.uppercased())) \(f.check) \(f.location)\n      \(f.message)\n"
            }
            out += "\n"
        }
        if !diff.changedFindings.isEmpty {
            out += style.bold("Findings changed (\(diff.changedFindings.count))") + "\n"
            for c in diff.changedFindings {
                let severity = c.old.severity == c.new.severity ? style.severity(c.new.severity, c.new.severity.rawValue.uppercased())
                    : "\(c.old.severity.rawValue.uppercased()) → \(style.severity(c.new.severity, c.new.severity.rawValue.uppercased()))"
                out += "  \(severity) \(c.new.check) \(c.new.location)\n      was: \(c.old.message)\n      now: \(c.new.message)\n"
            }
            out += "\n"
        }
        if !diff.requirementChanges.isEmpty {
            out += style.bold("Requirements") + "\n"
            for (kind, id, changes) in grouped(diff.requirementChanges) {
                let unmet = changes.filter { !$0.nowMet }.map(\.requirement), met = changes.filter(\.nowMet).map(\.requirement)
                out += "  \(kind) \(id):"
                if !unmet.isEmpty { out += " " + style.severity(.high, "now unmet") + " " + unmet.joined(separator: ", ") + (met.isEmpty ? "" : ";") }
                if !met.isEmpty { out += " " + style.green("now met") + " " + met.joined(separator: ", ") }
                out += "\n"
            }
            out += "\n"
        }
        out += summary(diff) + "\n"
        return out
    }

    /// Markdown for a pull-request comment: a one-line verdict, then tables.
    public static func markdown(_ diff: ModelDiff) -> String {
        var out = "## Zonal: change impact\n\n`\(diff.oldFile)` → `\(diff.newFile)`: \(MarkdownText.inline(summary(diff)))\n\n"
        guard !diff.isEmpty else { return out }
        if !diff.introduced.isEmpty || !diff.resolved.isEmpty || !diff.changedFindings.isEmpty {
            out += "### Findings\n\n| | severity | check | where | finding |\n| --- | --- | --- | --- | --- |\n"
            for f in diff.introduced { out += "| introduced | \(f.severity.rawValue) | \(f.check) | `\(f.location)` | \(MarkdownText.cell(f.message)) |\n" }
            for c in diff.changedFindings {
                let severity = c.old.severity == c.new.severity ? c.new.severity.rawValue : "\(c.old.severity.rawValue) → \(c.new.severity.rawValue)"
                out += "| changed | \(severity) | \(c.new.check) | `\(c.new.location)` | \(MarkdownText.cell(c.new.message)) (was: \(MarkdownText.cell(c.old.message))) |\n"
            }
            for f in diff.resolved { out += "| resolved | \(f.severity.rawValue) | \(f.check) | `\(f.location)` | \(MarkdownText.cell(f.message)) |\n" }
            out += "\n"
        }
        for (title, changes) in [("SL-T changes", diff.targetChanges), ("SL-A changes", diff.achievedChanges)] where !changes.isEmpty {
            out += "### \(title)\n\n| target | FR | before | after |\n| --- | --- | --- | --- |\n"
            for c in changes { out += "| \(c.targetKind.rawValue) `\(c.target)` | \(c.fr.abbreviation) | \(c.old) | \(c.new) |\n" }
            out += "\n"
        }
        if !diff.requirementChanges.isEmpty {
            out += "### Requirements\n\n| target | now unmet | now met |\n| --- | --- | --- |\n"
            for (kind, id, changes) in grouped(diff.requirementChanges) {
                out += "| \(kind) `\(id)` | \(changes.filter { !$0.nowMet }.map(\.requirement).joined(separator: ", ")) | \(changes.filter(\.nowMet).map(\.requirement).joined(separator: ", ")) |\n"
            }
            out += "\n"
        }
        if !diff.objects.isEmpty {
            out += "### Model changes\n\n| change | object | details |\n| --- | --- | --- |\n"
            for o in diff.objects {
                let details = o.fields.map { "\($0.field): \($0.old ?? "not stated") → \($0.new ?? "not stated")" }.joined(separator: "; ")
                out += "| \(o.change.rawValue) | \(o.kind.rawValue) `\(o.id)` | \(MarkdownText.cell(details)) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Requirement changes by target, in the order the targets first appear.
    static func grouped(_ changes: [ModelDiff.RequirementChange]) -> [(kind: String, id: String, changes: [ModelDiff.RequirementChange])] {
        var order: [String] = []
        var byTarget: [String: [ModelDiff.RequirementChange]] = [:]
        for c in changes {
            let key = "\(c.targetKind.rawValue) \(c.target)"
            if byTarget[key] == nil { order.append(key) }
            byTarget[key, default: []].append(c)
        }
        return order.map { key in (byTarget[key]![0].targetKind.rawValue, byTarget[key]![0].target, byTarget[key]!) }
    }

    /// "3 model changes; 2 findings introduced (1 high), 1 resolved."
    static func summary(_ diff: ModelDiff) -> String {
        guard !diff.isEmpty else { return "no change." }
        let bySeverity = Severity.allCases.reversed().compactMap { s -> String? in
            let n = diff.introduced.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        let introduced = diff.introduced.isEmpty ? "no finding introduced" : "\(diff.introduced.count) finding\(diff.introduced.count == 1 ? "" : "s") introduced (\(bySeverity.joined(separator: ", ")))"
        return "\(diff.objects.count) model change\(diff.objects.count == 1 ? "" : "s"); \(introduced), \(diff.changedFindings.count) changed, \(diff.resolved.count) resolved."
    }
}
