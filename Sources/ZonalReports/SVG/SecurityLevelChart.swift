import IEC62443
import ZonalAnalysis

/// SL-T against SL-A for each zone over the seven FRs, as one SVG of small bar charts: the outlined bar is the target,
/// the filled bar what is achieved, red where it falls short.
public enum SecurityLevelChart {
    struct Bar { let x: String, targetY: String, targetHeight: String, achievedX: String, achievedY: String, achievedHeight: String
                 let fr: String, labelX: String, labelY: String, target: String, achieved: String, short: Bool }
    struct Panel { let id: String, name: String, x: String, y: String, titleY: String, baseY: String, axisRight: String
                   let gridLines: [GridLine], bars: [Bar], verdict: String, met: Bool }
    struct GridLine { let y: String, label: String, labelX: String }
    struct View { let width: String, height: String, panels: [Panel] }

    static let panelWidth = 430.0, panelHeight = 190.0, columns = 2, unit = 26.0, barWidth = 16.0, groupWidth = 52.0

    public static func svg(_ zones: [TargetAssessment]) -> String {
        Templates.render("sl-chart.svg", view(zones))
    }

    static func view(_ zones: [TargetAssessment]) -> View {
        let n = ZoneDiagram.number
        let panels = zones.enumerated().map { i, zone -> Panel in
            let px = Double(i % columns) * panelWidth, py = Double(i / columns) * panelHeight
            let left = px + 40, base = py + 140
            let bars = FoundationalRequirement.allCases.enumerated().map { j, fr -> Bar in
                let t = Double(zone.slTarget[fr].rawValue), a = Double(zone.slAchieved[fr].rawValue)
                let gx = left + 8 + Double(j) * groupWidth
                return Bar(x: n(gx), targetY: n(base - t * unit), targetHeight: n(t * unit), achievedX: n(gx + barWidth + 2),
                           achievedY: n(base - a * unit), achievedHeight: n(a * unit), fr: fr.abbreviation, labelX: n(gx + barWidth + 1),
                           labelY: n(base + 16), target: String(Int(t)), achieved: String(Int(a)), short: a < t)
            }
            let grid = (0...4).map { level in GridLine(y: n(base - Double(level) * unit), label: String(level), labelX: n(left - 6)) }
            let gap = zone.gap
            let verdict = gap.isEmpty ? "meets SL-T" : "short in " + gap.keys.sorted().map(\.abbreviation).joined(separator: ", ")
            return Panel(id: zone.id, name: zone.name, x: n(left), y: n(py), titleY: n(py + 18), baseY: n(base),
                         axisRight: n(left + 8 + 7 * groupWidth), gridLines: grid, bars: bars, verdict: verdict, met: gap.isEmpty)
        }
        let rows = (zones.count + columns - 1) / columns
        return View(width: n(Double(min(zones.count, columns)) * panelWidth), height: n(Double(rows) * panelHeight), panels: panels)
    }
}
