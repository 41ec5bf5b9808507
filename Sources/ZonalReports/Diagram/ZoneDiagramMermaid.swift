import ZonalAnalysis
import ZonalModel

/// The zone & conduit diagram as a Mermaid flowchart, for Markdown that GitHub and GitLab render.
public enum ZoneDiagramMermaid {
    public static func mermaid(_ assessment: Assessment) -> String {
        let model = assessment.model
        let targets = Dictionary(assessment.conduits.map { ($0.id, $0.slTarget) }, uniquingKeysWith: { a, _ in a })
        var out = "flowchart TB\n"
        let rows = Dictionary(grouping: model.zones, by: ZoneLayout.level).sorted { $0.key > $1.key }
        for (level, zones) in rows {
            out += "  subgraph L\(ZoneDiagram.number(level).replacingOccurrences(of: ".", with: "_"))[\"Level \(ZoneDiagram.number(level))\"]\n"
            for zone in zones {
                out += "    \(node(zone.id))[\"\(text(zone.name))<br/>\(zone.kind.rawValue) · SL-T \(ZoneDiagram.compact(zone.slTarget))\"]\n"
            }
            out += "  end\n"
        }
        for conduit in model.conduits where conduit.zones.count == 2 {
            var (a, b) = (conduit.zones[0], conduit.zones[1])
            var arrow = "<-->"
            if case .oneWay(let from, let to) = conduit.direction { (a, b, arrow) = (from, to, "-->") }
            let label = "\(conduit.id): \(conduit.enforcement.rawValue), SL-T \(targets[conduit.id].map(ZoneDiagram.compact) ?? "?")"
            out += "  \(node(a)) \(arrow)|\"\(text(label))\"| \(node(b))\n"
        }
        return out
    }

    /// Mermaid node ids allow letters, digits and underscores.
    static func node(_ id: String) -> String {
        "z_" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Label text inside double quotes: quotes and markup become HTML entities, which Mermaid decodes.
    static func text(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
