import Foundation
import IEC62443
import ZonalAnalysis
import ZonalModel

/// The zone & conduit diagram as SVG: zones as labelled boxes in rows by Purdue level, conduits as curves labelled with
/// enforcement and SL-T, arrows on one-way conduits, and a marker with the count of findings on each zone and conduit.
public enum ZoneDiagram {
    struct ZoneView {
        let id: String, name: String, kind: String, slTarget: String, level: String
        let x: String, y: String, width: String, height: String, textX: String, nameY: String, kindY: String, slY: String
        let kindClass: String
        let marker: Marker?
    }

    struct ConduitView {
        let id: String, path: String, label: String, detail: String, tooltip: String, styleClass: String
        let oneWay: Bool
        let labelX: String, labelY: String, detailY: String, boxX: String, boxY: String, boxWidth: String
        let marker: Marker?
    }

    struct Marker { let x: String; let y: String; let count: String; let severity: String; let title: String }

    struct View {
        let width: String, height: String, title: String
        /// The diagram's CSS inside the SVG, or nil when the embedding page serves `stylesheet` itself.
        let style: String?
        let zones: [ZoneView]
        let conduits: [ConduitView]
    }

    /// The diagram; `embeddingStyle: false` leaves out its `<style>` element for pages whose Content-Security-Policy
    /// allows no inline styles (they link `stylesheet` from their own origin instead).
    public static func svg(_ assessment: Assessment, embeddingStyle: Bool = true) -> String {
        Templates.render("zone-diagram.svg", view(assessment, embeddingStyle: embeddingStyle))
    }

    /// The diagram's CSS: zone fills by kind, conduit strokes by enforcement, finding markers by severity.
    public static let stylesheet = Templates.render("zone-diagram.css", [String: String]())

    static func view(_ assessment: Assessment, embeddingStyle: Bool = true) -> View {
        let layout = ZoneLayout(model: assessment.model)
        let markers = FindingMarkers(assessment)
        let conduitTargets = Dictionary(assessment.conduits.map { ($0.id, $0.slTarget) }, uniquingKeysWith: { a, _ in a })
        let zones = layout.boxes.map { box in
            let z = box.zone
            return ZoneView(id: z.id, name: z.name, kind: z.kind.rawValue, slTarget: "SL-T \(compact(z.slTarget))",
                            level: "level \(number(ZoneLayout.level(of: z)))", x: number(box.x), y: number(box.y),
                            width: number(box.width), height: number(box.height), textX: number(box.x + 12),
                            nameY: number(box.y + 26), kindY: number(box.y + 50), slY: number(box.y + 74), kindClass: "zone-\(z.kind.rawValue)",
                            marker: marker(markers.byZone[z.id], x: box.x + box.width - 4, y: box.y + 4))
        }
        let conduits = layout.edges.map { edge -> ConduitView in
            let c = edge.conduit
            let label = edge.label
            let detail = "\(c.enforcement.rawValue) · SL-T \(conduitTargets[c.id].map(range) ?? "?")"
            let boxWidth = Double(max(c.id.count, detail.count)) * 6.4 + 14
            var oneWay = false
            if case .oneWay = c.direction { oneWay = true }
            return ConduitView(id: c.id, path: "M \(number(edge.start.x)) \(number(edge.start.y)) Q \(number(edge.control.x)) \(number(edge.control.y)) \(number(edge.end.x)) \(number(edge.end.y))",
                               label: c.id, detail: detail,
                               tooltip: "\(c.enforcement.rawValue), SL-T \(conduitTargets[c.id]?.description ?? "?")", styleClass: "conduit-\(c.enforcement.rawValue)", oneWay: oneWay,
                               labelX: number(label.x), labelY: number(label.y - 3), detailY: number(label.y + 11),
                               boxX: number(label.x - boxWidth / 2), boxY: number(label.y - 16), boxWidth: number(boxWidth),
                               marker: marker(markers.byConduit[c.id], x: label.x + boxWidth / 2, y: label.y - 16))
        }
        return View(width: number(layout.width), height: number(layout.height), title: "Zones and conduits of \(assessment.model.system.name)",
                    style: embeddingStyle ? stylesheet : nil, zones: zones, conduits: conduits)
    }

    private static func marker(_ findings: [Finding]?, x: Double, y: Double) -> Marker? {
        guard let findings, let summary = FindingMarkers.summary(findings) else { return nil }
        return Marker(x: number(x), y: number(y), count: String(summary.count), severity: summary.worst.rawValue,
                      title: "\(summary.count) finding\(summary.count == 1 ? "" : "s"), worst \(summary.worst.rawValue): " + findings.map(\.check).joined(separator: ", "))
    }

    /// "2" for a uniform vector, else the full `{3,3,3,2,3,2,3}` notation.
    static func compact(_ vector: SLVector) -> String {
        let levels = Set(FoundationalRequirement.allCases.map { vector[$0].rawValue })
        return levels.count == 1 ? String(levels.first!) : vector.description
    }

    /// "2" for a uniform vector, else its lowest and highest level, "2–4": short enough for a conduit label.
    static func range(_ vector: SLVector) -> String {
        let levels = FoundationalRequirement.allCases.map { vector[$0].rawValue }
        let (low, high) = (levels.min() ?? 0, levels.max() ?? 0)
        return low == high ? String(low) : "\(low)–\(high)"
    }

    /// Coordinates with at most one decimal, the same on every platform.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
