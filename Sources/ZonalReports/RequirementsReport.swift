import IEC62443
import ZonalAnalysis

/// `zonal requirements`: for each zone and conduit, the requirements its SL-T asks for, whether each is met, by what, and what would meet it.
public enum RequirementsReport {
    struct Document: Encodable {
        let zones: [Target]
        let conduits: [Target]
    }

    struct Target: Encodable {
        let id: String
        let kind: String
        let name: String
        let slTarget: ReportValues.Vector
        let slAchieved: ReportValues.Vector
        let gap: [String: Int]
        let requirements: [Entry]
    }

    struct Entry: Encodable {
        let id: String
        let fr: String
        let title: String
        let levels: [Int]
        let met: Bool
        let satisfiedBy: [String]
        let remedy: String?
    }

    /// How a satisfaction reads in reports: "components (weakest SL-C 3)", "enforcement of bpcs-dmz", "countermeasure mfa".
    public static func describe(_ satisfaction: Satisfaction) -> String {
        switch satisfaction {
        case .components(let level): "components (weakest SL-C \(level))"
        case .enforcement(let conduits) where conduits.isEmpty: "boundary (no conduit reaches an untrusted zone)"
        case .enforcement(let conduits): "boundary enforcement (\(conduits.joined(separator: ", ")))"
        case .countermeasure(let id): "countermeasure \(id)"
        }
    }

    static func target(_ t: TargetAssessment) -> Target {
        Target(id: t.id, kind: t.kind.rawValue, name: t.name, slTarget: .init(t.slTarget), slAchieved: .init(t.slAchieved),
               gap: Dictionary(uniqueKeysWithValues: t.gap.map { ($0.key.abbreviation, $0.value) }),
               requirements: t.required.map { status in
                   Entry(id: status.requirement.id, fr: status.requirement.fr?.abbreviation ?? "", title: status.requirement.title,
                         levels: status.requirement.levels, met: status.met, satisfiedBy: status.satisfiedBy.map(describe), remedy: status.remedy)
               })
    }

    public static func json(_ zones: [TargetAssessment], _ conduits: [TargetAssessment]) -> String {
        JSONOutput.encode(Document(zones: zones.map(target), conduits: conduits.map(target)))
    }

    public static func text(_ zones: [TargetAssessment], _ conduits: [TargetAssessment], style: TextStyle) -> String {
        var out = ""
        for t in zones + conduits {
            let met = t.required.filter(\.met).count
            out += style.bold("\(t.kind.rawValue) \(t.id)") + " — \(t.name)\n"
            out += "  SL-T \(t.slTarget)   SL-A \(t.slAchieved)   \(met)/\(t.required.count) required met\n"
            var table = TextTable()
            for status in t.required {
                let mark = status.met ? style.green("met  ") : style.severity(.high, "UNMET")
                let how = status.met ? status.satisfiedBy.map(describe).joined(separator: "; ") : (status.remedy ?? "")
                table.add([mark, status.requirement.id, status.requirement.fr?.abbreviation ?? "", status.requirement.title, style.dim(how)])
            }
            out += table.render(indent: "  ") + "\n\n"
        }
        return out
    }
}
