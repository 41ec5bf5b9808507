import ZonalAnalysis
import ZonalModel

/// The zone & conduit diagram in Graphviz DOT, for users who lay it out with their own Graphviz; Zonal needs none.
public enum ZoneDiagramDOT {
    public static func dot(_ assessment: Assessment) -> String {
        let model = assessment.model
        let targets = Dictionary(assessment.conduits.map { ($0.id, $0.slTarget) }, uniquingKeysWith: { a, _ in a })
        let markers = FindingMarkers(assessment)
        var out = "digraph zones {\n  graph [rankdir=TB, fontname=\"Helvetica\", label=\(quote("Zones and conduits of \(model.system.name)"))];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef1f5\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n"
        let rows = Dictionary(grouping: model.zones, by: ZoneLayout.level).sorted { $0.key > $1.key }
        for (_, zones) in rows {
            out += "  { rank=same;"
            for zone in zones { out += " \(quote(zone.id));" }
            out += " }\n"
        }
        for zone in model.zones {
            let count = markers.byZone[zone.id]?.count ?? 0
            let label = "\(zone.name)\n\(zone.id) · \(zone.kind.rawValue)\nSL-T \(ZoneDiagram.compact(zone.slTarget))" + (count > 0 ? "\n\(count) finding(s)" : "")
            out += "  \(quote(zone.id)) [label=\(quote(label))\(zone.kind == .safety ? ", color=\"#a33a2c\", penwidth=2" : "")];\n"
        }
        for conduit in model.conduits where conduit.zones.count == 2 {
            var (a, b) = (conduit.zones[0], conduit.zones[1])
            var attributes = "dir=both"
            if case .oneWay(let from, let to) = conduit.direction { (a, b, attributes) = (from, to, "dir=forward") }
            let count = markers.byConduit[conduit.id]?.count ?? 0
            let label = "\(conduit.id)\n\(conduit.enforcement.rawValue) · SL-T \(targets[conduit.id].map(ZoneDiagram.compact) ?? "?")" + (count > 0 ? "\n\(count) finding(s)" : "")
            out += "  \(quote(a)) -> \(quote(b)) [label=\(quote(label)), \(attributes)\(conduit.enforcement == .none ? ", style=dashed, color=\"#b3261e\"" : "")];\n"
        }
        return out + "}\n"
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, line breaks as \n.
    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
